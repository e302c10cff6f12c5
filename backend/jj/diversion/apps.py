from django.apps import AppConfig


class DiversionConfig(AppConfig):
    """Diversion and restorative justice: the preferred pathway (CRC/C/GC/24 paras 15-18; A/RES/79/172 para 29)."""

    name = "jj.diversion"
    label = "diversion"
