from rest_framework import pagination


class PageNumberPagination(pagination.PageNumberPagination):
    """DRF page-number pagination with a client-chosen page size, as react-admin's lists need."""

    page_size = 25
    page_size_query_param = "page_size"
    max_page_size = 200
