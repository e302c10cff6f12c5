from django.urls import path

from jj.compliance import apis

urlpatterns = [
    path("policies/", apis.PolicyListApi.as_view(), name="policy-list"),
    path("policies/<str:code>/", apis.PolicyDetailApi.as_view(), name="policy-detail"),
    path("policies/<str:code>/decisions/", apis.PolicyDecisionsApi.as_view(), name="policy-decisions"),
    path("approvals/", apis.ApprovalListApi.as_view(), name="approval-list"),
    path("approvals/<int:approval_id>/decide/", apis.ApprovalDecideApi.as_view(), name="approval-decide"),
    path("oversight/decisions/", apis.OversightDecisionListApi.as_view(), name="oversight-decisions"),
]
