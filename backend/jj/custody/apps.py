from django.apps import AppConfig


class CustodyConfig(AppConfig):
    name = "jj.custody"
    label = "custody"

    def ready(self) -> None:
        import jj.custody.services  # noqa: F401  registers its actions that a supervisor's approval can release
        from jj.cases.services import SENTENCE_EFFECTS
        from jj.custody.lifecycle import child_age_recheck, sentence_effect_on_custody
        from jj.people.services import AGE_FACTS_CHANGED

        if sentence_effect_on_custody not in SENTENCE_EFFECTS:
            SENTENCE_EFFECTS.append(sentence_effect_on_custody)
        if child_age_recheck not in AGE_FACTS_CHANGED:
            AGE_FACTS_CHANGED.append(child_age_recheck)
