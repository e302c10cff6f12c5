from django.apps import AppConfig


class CustodyConfig(AppConfig):
    name = "jj.custody"
    label = "custody"

    def ready(self) -> None:
        import jj.custody.services  # noqa: F401  registers its actions that a supervisor's approval can release
        from jj.cases.records import IDENTITY_SHRED_EFFECTS
        from jj.cases.services import SENTENCE_EFFECTS
        from jj.custody.lifecycle import child_age_recheck, sentence_effect_on_custody
        from jj.custody.records import removal_reviews_blank
        from jj.people.services import AGE_FACTS_CHANGED

        if sentence_effect_on_custody not in SENTENCE_EFFECTS:
            SENTENCE_EFFECTS.append(sentence_effect_on_custody)
        if child_age_recheck not in AGE_FACTS_CHANGED:
            AGE_FACTS_CHANGED.append(child_age_recheck)
        if removal_reviews_blank not in IDENTITY_SHRED_EFFECTS:
            IDENTITY_SHRED_EFFECTS.append(removal_reviews_blank)
