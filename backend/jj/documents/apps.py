from django.apps import AppConfig


class DocumentsConfig(AppConfig):
    name = "jj.documents"
    label = "documents"

    def ready(self) -> None:
        from jj.cases.records import IDENTITY_SHRED_EFFECTS
        from jj.documents.services import documents_remove_for_child

        if documents_remove_for_child not in IDENTITY_SHRED_EFFECTS:
            IDENTITY_SHRED_EFFECTS.append(documents_remove_for_child)
