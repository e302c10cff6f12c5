"""Demo data for `make run` and the browser tests: two jurisdictions, three agencies, one user per role
(username = role name, plus caseworker2), about fifty children with cases in varied states.

Idempotent: a second run changes nothing but prints the logins again. Everything is written through the
services, so the demo audit trail is a real one."""

import contextlib
import random
import secrets
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction
from django.utils import timezone

from jj.accounts.models import Agency, Jurisdiction, Role, User
from jj.cases import services as case_services
from jj.cases.models import AssignmentRole, CaseKind, OffenceCategory
from jj.compliance import services as compliance_services
from jj.core.exceptions import RuleViolation
from jj.people import services as people_services
from jj.people.models import AgeAssessmentMethod, Child, DobCertainty, Guardian, Sex

PASSWORD_FILE = Path(settings.BASE_DIR) / ".demo-password"

GIVEN = [
    "Amara",
    "Luca",
    "Noor",
    "Mateo",
    "Zainab",
    "Kofi",
    "Elif",
    "Tomás",
    "Aiyana",
    "Jonas",
    "Mei",
    "Ravi",
    "Sofia",
    "Yusuf",
    "Chloé",
    "Dmitri",
    "Imani",
    "Pablo",
    "Leila",
    "Finn",
    "Asha",
    "Oskar",
    "Nadia",
    "Kai",
]
FAMILY = [
    "Okafor",
    "Rossi",
    "Haddad",
    "García",
    "Nguyen",
    "Mensah",
    "Yilmaz",
    "Silva",
    "Begay",
    "Schmidt",
    "Chen",
    "Patel",
    "Novak",
    "Ahmed",
    "Martin",
    "Ivanov",
    "Mwangi",
    "López",
    "Karimi",
    "Murphy",
]
# STA-1: Northland's local codes for conduct that is not an offence for an adult (truancy, running away, curfew).
DEMO_STATUS_OFFENCE_CODES = ("ST-TRUANCY", "ST-RUNAWAY", "ST-CURFEW")

OFFENCES = [
    ("05", "Theft of a bicycle"),
    ("05", "Shoplifting"),
    ("02", "Assault in a school yard"),
    ("08", "Damage to public property"),
    ("06", "Possession of cannabis"),
    ("04", "Robbery of a mobile phone"),
    ("07", "Fraudulent use of a bus pass"),
    ("05", "Burglary of a garden shed"),
]


DEMO_NO_DIVERSION = "Demo: the child declined the diversion programme offered by the police"
# CNS-1 and HRD-1: legal counsel is being appointed (its deadline shows on the worklist), and the child was heard.
DEMO_NO_COUNSEL = "Legal aid counsel requested from the Northland defender; the court would not wait"
SOUTHPORT_USERS = ("sp_caseworker", "sp_supervisor", "sp_monitor", "sp_administrator", "sp_court_officer")
DEMO_VIEWS = "Wants to go home to the family and keep going to school"


class Command(BaseCommand):
    help = "Load demo data (idempotent) and print the demo logins. Refused when DEBUG is off unless --force."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--force", action="store_true", help="Seed even though DEBUG is off (never in production).")

    def handle(self, *args: Any, **options: Any) -> None:
        if not settings.DEMO_ALLOWED and not options["force"]:
            raise CommandError("Refusing to create demo users with DEBUG off. Use --force only on a test system.")
        password = self._password()
        with transaction.atomic():
            created = self._seed(password)
        self.stdout.write(self.style.SUCCESS("Demo data created." if created else "Demo data already present."))
        self.stdout.write("")
        self.stdout.write(f"Demo logins (password for all: {password})")
        shown = [*Role.values, "caseworker2", "sp_monitor", "sp_court_officer"]
        for user in User.objects.filter(username__in=shown).order_by("username"):
            agency = user.agency.name if user.agency else "-"
            self.stdout.write(f"  {user.username:<18} {user.get_role_display():<18} {agency}")

    def _password(self) -> str:
        import os

        explicit = os.environ.get("DEMO_PASSWORD", "")
        if explicit:
            return explicit
        if PASSWORD_FILE.exists():
            return PASSWORD_FILE.read_text().strip()
        generated = "demo-" + secrets.token_urlsafe(12)
        PASSWORD_FILE.write_text(generated + "\n")
        PASSWORD_FILE.chmod(0o600)
        return generated

    def _seed(self, password: str) -> bool:
        if Jurisdiction.objects.filter(code="northland").exists():
            for user in User.objects.filter(username__in=[*Role.values, "caseworker2", *SOUTHPORT_USERS]):
                if not user.check_password(password):
                    user.set_password(password)
                    user.save(update_fields=["password"])
            return False
        north = Jurisdiction.objects.create(code="northland", name="Northland", timezone="Europe/Paris")
        south = Jurisdiction.objects.create(code="southport", name="Southport", timezone="America/New_York")
        yjs = Agency.objects.create(jurisdiction=north, name="Northland Youth Justice Service")
        defender = Agency.objects.create(jurisdiction=north, name="Northland Public Defender")
        south_agency = Agency.objects.create(jurisdiction=south, name="Southport Juvenile Services")
        # An ombudsperson's office is not an agency of the police, the courts or the youth justice service: the
        # monitor belongs to an office of its own and sees the whole jurisdiction (issue 13).
        ombudsperson = Agency.objects.create(jurisdiction=north, name="Northland Children's Ombudsperson")

        def make_user(username: str, role: str, agency: Agency | None, first: str, last: str) -> User:
            u = User(username=username, role=role, agency=agency, first_name=first, last_name=last)
            u.set_password(password)
            u.save()
            return u

        caseworker = make_user("caseworker", Role.CASEWORKER, yjs, "Carmen", "Diaz")
        caseworker2 = make_user("caseworker2", Role.CASEWORKER, yjs, "Kwame", "Boateng")
        supervisor = make_user("supervisor", Role.SUPERVISOR, yjs, "Sabine", "Laurent")
        counsel = make_user("legal_counsel", Role.LEGAL_COUNSEL, defender, "Lena", "Fischer")
        officer = make_user("facility_officer", Role.FACILITY_OFFICER, yjs, "Farid", "Benali")
        court = make_user("court_officer", Role.COURT_OFFICER, yjs, "Clara", "Moreau")
        make_user("oversight_monitor", Role.OVERSIGHT_MONITOR, ombudsperson, "Olga", "Petrova")
        admin = make_user("administrator", Role.ADMINISTRATOR, yjs, "Ade", "Min")
        sp_worker = make_user("sp_caseworker", Role.CASEWORKER, south_agency, "Sam", "Porter")
        sp_super = make_user("sp_supervisor", Role.SUPERVISOR, south_agency, "Sue", "Park")
        sp_admin = make_user("sp_administrator", Role.ADMINISTRATOR, south_agency, "Ayo", "Bello")
        make_user("sp_monitor", Role.OVERSIGHT_MONITOR, south_agency, "Marta", "Silva")
        sp_court = make_user("sp_court_officer", Role.COURT_OFFICER, south_agency, "Rosa", "Quintero")
        # Southport's minimum age is 12 (as in many countries), from before any of its acts: the policy impact
        # simulation's demo is "what if it were 14?" (issue 18). Its records are removed at 18 only after an
        # independent review (REC-3), which its court officer decides.
        compliance_services.policy_update(
            actor=sp_admin, jurisdiction=south, version=0, values={"macr": 12, "records_removal": "review"}
        )

        rng = random.Random(2026)  # noqa: S311  (demo data, not security)
        today = timezone.localdate()
        for n in range(50):
            in_south = n % 6 == 5
            worker = sp_worker if in_south else (caseworker if n % 2 == 0 else caseworker2)
            boss = sp_super if in_south else supervisor
            certainty = DobCertainty.DOCUMENTED if n % 7 else DobCertainty.ESTIMATED
            # At or above the minimum age at the offence (at most 120 days ago), even at an estimate's youngest end.
            age_years = rng.randint(14 if certainty == DobCertainty.DOCUMENTED else 15, 17)
            dob = today - timedelta(days=age_years * 365 + rng.randint(130, 330))
            data: dict[str, Any] = {
                "given_name": rng.choice(GIVEN),
                "family_name": rng.choice(FAMILY),
                "sex": rng.choice([Sex.FEMALE, Sex.MALE, Sex.MALE]),
                "dob_certainty": certainty,
                "languages": rng.choice(["English", "French", "Spanish", "Arabic", "English, Twi"]),
                "interpreter_needed": n % 9 == 0,
            }
            if certainty == DobCertainty.DOCUMENTED:
                data |= {"date_of_birth": dob, "age_assessment_method": AgeAssessmentMethod.DOCUMENTS}
            else:
                data |= {
                    "dob_earliest": dob - timedelta(days=365),
                    "dob_latest": dob + timedelta(days=200),
                    "age_assessment_method": AgeAssessmentMethod.DEVELOPMENTAL,
                }
            if n % 8 == 3:
                data |= {"disability": "Dyslexia", "accommodation_needs": "Written material read aloud"}
            child = people_services.child_register(actor=worker, data=data)
            people_services.guardian_add(
                actor=worker,
                child=child,
                data={
                    "name": f"{rng.choice(GIVEN)} {data['family_name']}",
                    "relationship": rng.choice(list(Guardian.Relationship)),
                    "phone": f"+33 6 00 00 {n:02d} 00",
                },
            )
            offence_day = today - timedelta(days=rng.randint(3, 120))
            category, description = rng.choice(OFFENCES)
            opened = timezone.make_aware(
                datetime.combine(offence_day + timedelta(days=1), time(10, rng.randint(0, 59)))
            )
            case = case_services.case_open(
                actor=worker,
                child=child,
                kind=CaseKind.ARREST if n % 3 else CaseKind.REFERRAL,
                opened_at=opened,
                summary="Demo case",
                offences=[
                    {"description": description, "category": OffenceCategory(category), "offence_date": offence_day}
                ],
            )
            if not in_south and n % 3 == 0:
                case_services.case_assign(actor=boss, case=case, user=counsel, role=AssignmentRole.LEGAL_COUNSEL)
            if not in_south and n % 5 == 0:
                case_services.case_assign(actor=boss, case=case, user=court, role=AssignmentRole.COURT_OFFICER)
            if n % 10 == 9:
                case_services.case_close(actor=boss, case=case, reason="Charges withdrawn by the prosecutor")
            elif n % 4 == 1:
                case_services.case_charge(
                    actor=worker,
                    case=case,
                    version=case.version,
                    diversion_not_offered_reason=DEMO_NO_DIVERSION,
                    no_counsel_justification=DEMO_NO_COUNSEL,
                )
        self._seed_status_offence_codes(admin, north)
        self._seed_refused_intakes(caseworker, today)
        self._seed_custody(admin, officer, caseworker, yjs)
        self._seed_sealed(supervisor, caseworker2, today)
        self._seed_population(admin, north, today)
        self._seed_southport_young(sp_admin, sp_worker, south_agency, rng, today)
        self._seed_removal_review(sp_worker, sp_super, sp_court, today)
        return True

    def _seed_removal_review(self, worker: User, boss: User, court: User, today: date) -> None:
        """REC-3 in Southport: a young man whose case, opened at 15, was dismissed; he turned 18 about a month ago
        and the policy asks for an independent review before his records are removed. The records sweep of 25 days
        ago, run for him alone (the other demo children keep their lists), sealed his records and opened the review,
        due in 5 days: Southport's court officer (`sp_court_officer`, never assigned to his case) finds it on the
        worklist and decides it."""
        from jj.custody.records import records_sweep  # the sweep builds on custody; the demo reads up only here

        dob = today - timedelta(days=18 * 365 + 35)
        child = people_services.child_register(
            actor=worker,
            data={
                "given_name": "Tomas",
                "family_name": "Ferreira",
                "sex": Sex.MALE,
                "dob_certainty": DobCertainty.DOCUMENTED,
                "date_of_birth": dob,
                "age_assessment_method": AgeAssessmentMethod.DOCUMENTS,
            },
        )
        offence_day = today - timedelta(days=3 * 365)
        case = case_services.case_open(
            actor=worker,
            child=child,
            kind=CaseKind.REFERRAL,
            opened_at=timezone.make_aware(datetime.combine(offence_day + timedelta(days=1), time(11, 0))),
            summary="Demo case",
            offences=[{"description": "Shoplifting", "category": OffenceCategory("05"), "offence_date": offence_day}],
        )
        closed = timezone.now() - timedelta(days=400)
        case_services.case_close(actor=boss, case=case, reason="Dismissed: restitution made", occurred_at=closed)
        records_sweep(now=timezone.now() - timedelta(days=25), children=Child.objects.filter(pk=child.pk))

    def _seed_southport_young(self, admin: User, worker: User, agency: Agency, rng: random.Random, today: date) -> None:
        """Southport (minimum age 12): fifteen children of 12 and 13 prosecuted in the last months, six of them held
        in police custody now. Raising the minimum age to 14 would have kept every one of them out of the criminal
        process (the simulation's demo: enough of each sex that the counts are not suppressed)."""
        from jj.custody import services as custody
        from jj.custody.models import CustodyEpisode

        station = custody.facility_create(
            actor=admin,
            data={
                "name": "Southport police station",
                "kind": "police_station",
                "capacity": 10,
                "children_wholly_separated": True,
                "operator": agency,
                "city": "Southport",
            },
        )
        now = timezone.now()
        why = "Demo: no responsible adult could be reached overnight"
        for n in range(15):
            years = 12 + n % 2
            offence_day = today - timedelta(days=10 + 20 * n)
            child = people_services.child_register(
                actor=worker,
                data={
                    "given_name": rng.choice(GIVEN),
                    "family_name": rng.choice(FAMILY),
                    "sex": Sex.FEMALE if n < 8 else Sex.MALE,
                    "dob_certainty": DobCertainty.DOCUMENTED,
                    "date_of_birth": offence_day - timedelta(days=years * 365 + 40),
                    "age_assessment_method": AgeAssessmentMethod.DOCUMENTS,
                },
            )
            category, description = OFFENCES[n % len(OFFENCES)]
            case = case_services.case_open(
                actor=worker,
                child=child,
                kind=CaseKind.ARREST,
                opened_at=timezone.make_aware(datetime.combine(offence_day + timedelta(days=1), time(11, n))),
                summary="Demo case",
                offences=[
                    {"description": description, "category": OffenceCategory(category), "offence_date": offence_day}
                ],
            )
            if n % 15 < 6:
                episode = custody.custody_start(
                    actor=worker,
                    case=case,
                    facility=station,
                    started_at=now - timedelta(hours=2 + 3 * n),
                    police_cell_justification=why,
                    age_floor_justification=why,
                )
                assert isinstance(episode, CustodyEpisode)

    def _seed_population(self, admin: User, north: Jurisdiction, today: date) -> None:
        """Child population figures (the denominators of the indicator rates) for last year and this year, imported
        as an administrator would, so the oversight dashboard shows rates."""
        from jj.oversight.models import AgeGroup
        from jj.oversight.services import population_import

        band = {AgeGroup.UNDER_10: 232_000, AgeGroup.AGE_10_13: 94_000, AgeGroup.AGE_14_15: 47_000}
        band[AgeGroup.AGE_16_17] = 46_500
        lines = ["year,sex,age_group,count"]
        for year in (today.year - 1, today.year):
            for sex, share in ((Sex.FEMALE, 0.488), (Sex.MALE, 0.512)):
                for group, total in band.items():
                    lines.append(f"{year},{sex.value},{group.value},{round(total * share) + (year - today.year) * 150}")
        population_import(actor=admin, jurisdiction=north, text="\n".join(lines), source="Demo estimate (invented)")

    def _seed_custody(self, admin: User, officer: User, worker: User, operator: Agency) -> None:
        """Facilities, and three children deprived of liberty: one in police custody for 23 hours without a court
        appearance (top of the worklist), two in pretrial detention with their orders and deadlines."""
        from jj.cases.models import Case, CaseStatus
        from jj.custody import services as custody
        from jj.custody.models import CustodyEpisode

        def facility(name: str, kind: str, capacity: int, separated: bool = True, staff: tuple[User, ...] = ()) -> Any:
            data = {
                "name": name,
                "kind": kind,
                "capacity": capacity,
                "children_wholly_separated": separated,
                "operator": operator,
                "city": "Northland",
            }
            return custody.facility_create(actor=admin, data=data, staff=staff)

        police = facility("Northland central police station", "police_station", 8)
        centre = facility("Northland youth detention centre", "juvenile_detention", 12, staff=(officer,))
        facility("Northland city jail", "adult_prison", 200, separated=False)
        facility("Eastbrook youth residential home", "juvenile_residential", 6)
        cases = list(
            Case.objects.filter(assignments__user=worker, status__in=[CaseStatus.OPEN, CaseStatus.CHARGED])
            .select_related("child", "jurisdiction")
            .order_by("pk")[:3]
        )
        now = timezone.now()
        order = {
            "kind": "pretrial_detention",
            "grounds": ["court_appearance"],
            "legal_basis": "Northland Youth Justice Act, s. 12",
            "alternatives_considered": [
                {"alternative": "Release to parents", "reason_rejected": "Parents abroad; no other carer found"},
                {"alternative": "Supervision order", "reason_rejected": "Absconded from supervision twice"},
            ],
            "justification": "Missed two hearings; no responsible adult available",
            "age_floor_justification": "Demo: genuine public safety concern recorded by the court",
            "judicial_authority": "Northland Youth Court",
            "child_views": DEMO_VIEWS,
            "no_counsel_justification": DEMO_NO_COUNSEL,
        }
        why = "Demo: genuine public safety concern recorded by the court"
        for n, case in enumerate(cases):
            hours_ago = (23, 24 * 12, 24 * 40)[n]
            started = now - timedelta(hours=hours_ago)
            episode = custody.custody_start(
                actor=worker,
                case=case,
                facility=police,
                started_at=started,
                police_cell_justification=why,
                age_floor_justification=why,
            )
            assert isinstance(episode, CustodyEpisode)  # a police station holds no adults here: no approval to wait for
            custody.family_notification_record(
                actor=worker,
                episode=episode,
                data={
                    "event": "admission",
                    "person_notified": "Mother",
                    "method": "phone",
                    "at": started + timedelta(minutes=20),
                },
            )
            if n == 0:
                continue
            custody.health_examination_record(
                actor=worker, episode=episode, data={"at": started + timedelta(hours=3), "examiner": "Dr A. Mensah"}
            )
            custody.detention_order_record(
                actor=worker, episode=episode, data={**order, "ordered_at": now - timedelta(hours=hours_ago - 20)}
            )
            episode.refresh_from_db()
            moved = now - timedelta(hours=hours_ago - 22)
            custody.custody_transfer(
                actor=worker,
                episode=episode,
                facility=centre,
                at=moved,
                commitment_order_reference=f"NYC-CO-{case.pk:04d}",
                child_views=DEMO_VIEWS,
            )
            custody.family_notification_record(
                actor=worker,
                episode=episode,
                data={"event": "transfer", "person_notified": "Mother", "method": "phone", "at": moved},
            )
            if n == 2:  # forty days in: charged, reviewed five days ago
                case.refresh_from_db()
                if case.status == CaseStatus.OPEN:
                    case_services.case_charge(
                        actor=worker,
                        case=case,
                        version=case.version,
                        diversion_not_offered_reason=DEMO_NO_DIVERSION,
                        no_counsel_justification=DEMO_NO_COUNSEL,
                    )
                custody.appearance_record(
                    actor=worker,
                    episode=episode,
                    kind="review",
                    at=now - timedelta(days=5),
                    authority="Northland Youth Court",
                    outcome="detention_continued",
                )
        self._seed_diversion(admin, worker)

    def _seed_diversion(self, admin: User, worker: User) -> None:
        """A programme catalogue, one diversion under way and one completed (closed finally, no criminal record)."""
        from jj.cases.models import Case, CaseStatus
        from jj.diversion import services as diversion

        def programme(name: str, kind: str, provider: str, days: int) -> Any:
            data = {"name": name, "kind": kind, "provider": provider, "typical_duration_days": days, "capacity": 20}
            return diversion.programme_create(actor=admin, data=data)

        mediation = programme("Victim-offender mediation", "mediation", "Northland Mediation Service", 60)
        programme("Family group conference", "family_group_conference", "Northland Family Services", 30)
        programme("Police caution scheme", "caution", "Northland Police", 1)
        safeguards = {
            "compelling_evidence": "Admission corroborated by CCTV",
            "acknowledgement_of_responsibility": "Demo acknowledgement (never shown)",
            "child_consent": True,
            "guardian_consent": True,
            "informed_of": ["nature", "content", "duration", "consequences"],
            "legal_advice_offered": True,
            "review_route_explained": True,
        }
        open_cases = Case.objects.filter(assignments__user=worker, status=CaseStatus.OPEN).order_by("-pk")[:2]
        for n, case in enumerate(open_cases):
            referral = diversion.referral_offer(
                actor=worker, case=case, programme=mediation, stage="intake", child_views=DEMO_VIEWS
            )
            diversion.referral_activate(actor=worker, referral=referral, data=safeguards)
            if n == 1:
                referral.refresh_from_db()
                diversion.referral_outcome(actor=worker, referral=referral, outcome="completed", reason="All sessions")

    def _seed_status_offence_codes(self, admin: User, north: Jurisdiction) -> None:
        """STA-1: Northland's list of status-offence codes, set as an administrator would (the policy path, POL-1);
        and REC-3: a break-glass read of a sealed record waits for a second supervisor."""
        compliance_services.policy_update(
            actor=admin,
            jurisdiction=north,
            version=0,
            values={
                "status_offence_codes": list(DEMO_STATUS_OFFENCE_CODES),
                "records_sealed_read_second_person": True,
            },
        )

    def _seed_sealed(self, boss: User, worker: User, today: date) -> None:
        """REC-3: a sealed record (a referral dismissed five months ago), for the break-glass read. The child turns
        18 in three weeks, so the supervisor's preview shows the identity's removal coming. A sealed child is in no
        ordinary list or count."""
        from jj.cases.records import child_seal

        birthday = today + timedelta(days=21)  # the 18th
        try:
            born = birthday.replace(year=birthday.year - 18)
        except ValueError:  # 29 February
            born = birthday.replace(year=birthday.year - 18, day=28)
        child = people_services.child_register(
            actor=worker,
            data={
                "given_name": "Rosa",
                "family_name": "Demo",
                "sex": Sex.FEMALE,
                "dob_certainty": DobCertainty.DOCUMENTED,
                "date_of_birth": born,
                "age_assessment_method": AgeAssessmentMethod.DOCUMENTS,
            },
        )
        offence_day = today - timedelta(days=200)
        case = case_services.case_open(
            actor=worker,
            child=child,
            kind=CaseKind.REFERRAL,
            opened_at=timezone.make_aware(datetime.combine(offence_day + timedelta(days=1), time(9, 30))),
            summary="Demo case",
            offences=[{"description": "Shoplifting", "category": OffenceCategory("05"), "offence_date": offence_day}],
        )
        closed = timezone.make_aware(datetime.combine(today - timedelta(days=150), time(15, 0)))
        case_services.case_close(
            actor=boss, case=case, reason="Charges withdrawn by the prosecutor", occurred_at=closed
        )
        child_seal(child=child, at=closed + timedelta(days=1))

    def _seed_refused_intakes(self, worker: User, today: date) -> None:
        """Two children below the minimum age: intake is refused (MACR-1) and each becomes a protection referral."""
        for given, years in (("Milo", 12), ("Ines", 13)):
            child = people_services.child_register(
                actor=worker,
                data={
                    "given_name": given,
                    "family_name": "Demo",
                    "dob_certainty": DobCertainty.DOCUMENTED,
                    "date_of_birth": today - timedelta(days=years * 365 + 100),
                    "age_assessment_method": AgeAssessmentMethod.DOCUMENTS,
                },
            )
            try:
                case_services.case_open(
                    actor=worker,
                    child=child,
                    kind=CaseKind.ARREST,
                    summary="Demo: intake below the minimum age",
                    offences=[{"description": "Shoplifting", "category": OffenceCategory("05"), "offence_date": today}],
                )
            except RuleViolation:
                continue
        # A truancy allegation: its code is on Northland's list, so no criminal case opens (STA-1), a referral does.
        child = people_services.child_register(
            actor=worker,
            data={
                "given_name": "Noor",
                "family_name": "Demo",
                "dob_certainty": DobCertainty.DOCUMENTED,
                "date_of_birth": today - timedelta(days=15 * 365 + 100),
                "age_assessment_method": AgeAssessmentMethod.DOCUMENTS,
            },
        )
        with contextlib.suppress(RuleViolation):
            case_services.case_open(
                actor=worker,
                child=child,
                kind=CaseKind.REFERRAL,
                summary="Demo: a status offence (truancy)",
                offences=[
                    {
                        "description": "Truancy",
                        "category": OffenceCategory("11"),
                        "local_code": DEMO_STATUS_OFFENCE_CODES[0],
                        "offence_date": today,
                    }
                ],
            )
