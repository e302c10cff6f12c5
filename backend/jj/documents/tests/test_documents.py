"""Documents attached to a child, a case or a custody episode: the content checked (never the name), access exactly
as the record's, upload and download audited without the file name in clear, sealed and removed with the child."""

import io
import json
import os
import zipfile
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from jj.audit.models import AuditEvent
from jj.cases.records import child_identity_shred, child_seal
from jj.custody import services as custody_services
from jj.custody.models import CustodyEpisode
from jj.documents import sniffing
from jj.documents.models import Document

PDF = b"%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 32
NAME = "Court order Amara Okafor.pdf"


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


DOCX = _zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w:document/>"})
ODT = _zip({"mimetype": sniffing.ODT.encode(), "content.xml": b"<office:document-content/>"})


@pytest.fixture(autouse=True)
def media(settings: Any, tmp_path: Path) -> Path:
    settings.MEDIA_ROOT = str(tmp_path)
    return tmp_path


def _stored_files(root: Path) -> list[str]:
    return [str(p) for p in root.rglob("*") if p.is_file()]


def _upload(client: Any, url: str, content: bytes = PDF, name: str = NAME, kind: str = "court_order") -> Any:
    return client.post(url, {"file": SimpleUploadedFile(name, content), "document_type": kind}, format="multipart")


def _episode(world: Any, case: Any) -> CustodyEpisode:
    facility = custody_services.facility_create(
        actor=world["administrator"],
        data={
            "name": "Central police station",
            "kind": "police_station",
            "capacity": 10,
            "children_wholly_separated": True,
            "operator": world.yjs,
        },
        staff=[world["facility_officer"]],
    )
    episode = custody_services.custody_start(
        actor=world["caseworker"], case=case, facility=facility, police_cell_justification="No youth unit at night"
    )
    assert isinstance(episode, CustodyEpisode)
    return episode


# --- the content decides, never the name -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (PDF, sniffing.PDF),
        (PNG, sniffing.PNG),
        (JPEG, sniffing.JPEG),
        (DOCX, sniffing.DOCX),
        (ODT, sniffing.ODT),
        (b"MZ\x90\x00 a Windows program", None),
        (b"plain text", None),
        (b"", None),
        (_zip({"readme.txt": b"a zip that is no document"}), None),
        (b"PK\x03\x04 truncated", None),
        (b"%PDF", None),  # shorter than the magic number
    ],
)
def test_sniff(content: bytes, expected: str | None) -> None:
    assert sniffing.sniff_bytes(content) == expected


@pytest.mark.parametrize(
    ("name", "content_type", "ok"),
    [
        ("order.pdf", sniffing.PDF, True),
        ("ORDER.PDF", sniffing.PDF, True),
        ("photo.jpeg", sniffing.JPEG, True),
        ("photo.jpg", sniffing.JPEG, True),
        ("photo.png", sniffing.JPEG, False),
        ("order", sniffing.PDF, False),
        ("order.pdf.exe", sniffing.PDF, False),
    ],
)
def test_name_matches(name: str, content_type: str, ok: bool) -> None:
    assert sniffing.name_matches(name, content_type) is ok


# --- upload -------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "name", "content_type"),
    [
        (PDF, "order.pdf", sniffing.PDF),
        (PNG, "scan.png", sniffing.PNG),
        (JPEG, "scan.jpg", sniffing.JPEG),
        (DOCX, "assessment.docx", sniffing.DOCX),
        (ODT, "consent.odt", sniffing.ODT),
    ],
)
def test_upload_to_a_case(
    content: bytes, name: str, content_type: str, make_case: Any, client_for: Any, media: Path
) -> None:
    case = make_case()
    response = _upload(client_for("caseworker"), f"/api/cases/{case.pk}/documents/", content, name)
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["content_type"] == content_type
    assert body["size"] == len(content)
    assert body["case"] == case.pk
    assert body["child"] == case.child_id
    assert body["episode"] is None
    document = Document.objects.get()
    assert document.file.read() == content
    assert name not in document.file.name  # the storage key is random, never the uploader's name


def test_upload_audited_without_the_name_in_clear(make_case: Any, client_for: Any) -> None:
    case = make_case()
    assert _upload(client_for("caseworker"), f"/api/cases/{case.pk}/documents/").status_code == 201
    event = AuditEvent.objects.get(action="document.create")
    raw = json.dumps(event.changes)
    assert "Amara" not in raw
    assert "Okafor" not in raw
    assert "Court order" not in raw
    assert event.changes["document_type"]["after"] == "court_order"
    assert event.child_ref


@pytest.mark.parametrize(
    ("content", "name"),
    [
        (b"MZ\x90\x00 a program renamed", "court-order.pdf"),  # a fake extension
        (b"#!/bin/sh\nrm -rf /\n", "order.pdf"),
        (PNG, "order.pdf"),  # an image calling itself a PDF
        (PDF, "order.exe"),
        (b"", "empty.pdf"),
    ],
)
def test_refused_files_write_nothing(content: bytes, name: str, make_case: Any, client_for: Any, media: Path) -> None:
    case = make_case()
    events = AuditEvent.objects.count()
    response = _upload(client_for("caseworker"), f"/api/cases/{case.pk}/documents/", content, name)
    assert response.status_code == 400, response.content
    assert "file" in response.json()
    assert not Document.objects.exists()
    assert _stored_files(media) == []
    assert AuditEvent.objects.count() == events


def test_size_limit_at_its_boundary(settings: Any, make_case: Any, client_for: Any, media: Path) -> None:
    settings.DOCUMENT_MAX_BYTES = len(PDF)
    case = make_case()
    client = client_for("caseworker")
    assert _upload(client, f"/api/cases/{case.pk}/documents/", PDF + b" ").status_code == 400
    assert not Document.objects.exists()
    assert _stored_files(media) == []
    assert _upload(client, f"/api/cases/{case.pk}/documents/", PDF).status_code == 201


def test_unknown_type_refused(make_case: Any, client_for: Any) -> None:
    case = make_case()
    response = _upload(client_for("caseworker"), f"/api/cases/{case.pk}/documents/", kind="selfie")
    assert response.status_code == 400
    assert not Document.objects.exists()


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("caseworker", 201),
        ("supervisor", 201),
        ("legal_counsel", 201),
        ("court_officer", 201),
        ("caseworker2", 404),  # a colleague's case
        ("sp_caseworker", 404),  # another jurisdiction
        ("sp_supervisor", 404),
        ("oversight_monitor", 404),
        ("administrator", 404),
    ],
)
def test_upload_scope(role: str, expected: int, make_case: Any, client_for: Any, media: Path) -> None:
    case = make_case(counsel=True, court=True)
    response = _upload(client_for(role), f"/api/cases/{case.pk}/documents/")
    assert response.status_code == expected
    assert Document.objects.exists() is (expected == 201)
    if expected != 201:
        assert _stored_files(media) == []


# --- lists and downloads --------------------------------------------------------------------------------------------


def test_each_record_lists_its_own(world: Any, make_case: Any, client_for: Any) -> None:
    case = make_case()
    episode = _episode(world, case)
    client = client_for("caseworker")
    assert _upload(client, f"/api/children/{case.child_id}/documents/", kind="identity_document").status_code == 201
    assert _upload(client, f"/api/cases/{case.pk}/documents/").status_code == 201
    assert _upload(client, f"/api/custody-episodes/{episode.pk}/documents/", kind="assessment").status_code == 201
    kinds = {}
    for url in (
        f"/api/children/{case.child_id}/documents/",
        f"/api/cases/{case.pk}/documents/",
        f"/api/custody-episodes/{episode.pk}/documents/",
    ):
        response = client.get(url)
        assert response.status_code == 200
        kinds[url.split("/")[2]] = [row["document_type"] for row in response.json()["results"]]
    assert kinds == {
        "children": ["identity_document"],
        "cases": ["court_order"],
        "custody-episodes": ["assessment"],
    }
    episode_document = Document.objects.get(episode=episode)
    assert episode_document.case_id == case.pk  # an episode's document is its case's, for the scope


def test_download(make_case: Any, client_for: Any) -> None:
    case = make_case()
    client = client_for("caseworker")
    document_id = _upload(client, f"/api/cases/{case.pk}/documents/").json()["id"]
    response = client.get(f"/api/documents/{document_id}/download/")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert "no-store" in response["Cache-Control"]
    event = AuditEvent.objects.get(action="document.read")
    assert event.object_id == str(document_id)
    assert event.child_ref
    assert "Okafor" not in json.dumps(event.changes)


@pytest.mark.parametrize("role", ["caseworker2", "sp_caseworker", "oversight_monitor", "administrator"])
def test_outside_the_scope_answers_as_missing(role: str, make_case: Any, client_for: Any) -> None:
    case = make_case()
    document_id = _upload(client_for("caseworker"), f"/api/cases/{case.pk}/documents/").json()["id"]
    client = client_for(role)
    for url in (f"/api/documents/{document_id}/download/", f"/api/cases/{case.pk}/documents/"):
        refused, missing = (
            client.get(url),
            client.get(url.replace(str(document_id), "999999").replace(f"/cases/{case.pk}/", "/cases/999999/")),
        )
        assert refused.status_code == missing.status_code == 404
    assert not AuditEvent.objects.filter(action="document.read", outcome="success").exists()
    assert AuditEvent.objects.filter(action="document.read", outcome="denied", actor_username=role).exists()


# --- delete -------------------------------------------------------------------------------------------------------


def test_only_a_supervisor_deletes(
    make_case: Any, client_for: Any, media: Path, django_capture_on_commit_callbacks: Any
) -> None:
    case = make_case()
    document_id = _upload(client_for("caseworker"), f"/api/cases/{case.pk}/documents/").json()["id"]
    for role in ("caseworker", "legal_counsel", "court_officer"):
        assert client_for(role).delete(f"/api/documents/{document_id}/").status_code in (403, 404)
        assert Document.objects.filter(pk=document_id).exists()
    assert client_for("sp_supervisor").delete(f"/api/documents/{document_id}/").status_code == 404
    assert len(_stored_files(media)) == 1
    with django_capture_on_commit_callbacks(execute=True):
        assert client_for("supervisor").delete(f"/api/documents/{document_id}/").status_code == 204
    assert not Document.objects.exists()
    assert _stored_files(media) == []
    assert AuditEvent.objects.filter(action="document.delete", outcome="success").count() == 1


def test_a_held_episode_keeps_its_documents(world: Any, make_case: Any, client_for: Any) -> None:
    case = make_case()
    episode = _episode(world, case)
    url = f"/api/custody-episodes/{episode.pk}/documents/"
    document_id = _upload(client_for("caseworker"), url).json()["id"]
    CustodyEpisode.objects.filter(pk=episode.pk).update(evidence_frozen=True)
    response = client_for("supervisor").delete(f"/api/documents/{document_id}/")
    assert response.status_code == 409
    assert Document.objects.filter(pk=document_id).exists()
    # A new document is a new act, never held.
    assert _upload(client_for("caseworker"), url).status_code == 201


# --- sealed and removed with the record -----------------------------------------------------------------------------


def test_a_sealed_childs_documents_are_hidden(make_case: Any, client_for: Any) -> None:
    case = make_case()
    client = client_for("caseworker")
    child_doc = _upload(client, f"/api/children/{case.child_id}/documents/").json()["id"]
    case_doc = _upload(client, f"/api/cases/{case.pk}/documents/").json()["id"]
    child_seal(child=case.child, at=timezone.now())
    for document_id in (child_doc, case_doc):
        assert client.get(f"/api/documents/{document_id}/download/").status_code == 404
        assert client_for("supervisor").delete(f"/api/documents/{document_id}/").status_code == 404
    assert client.get(f"/api/cases/{case.pk}/documents/").status_code == 404
    assert client.get(f"/api/children/{case.child_id}/documents/").status_code == 404
    assert Document.objects.count() == 2


def test_removed_with_the_identity(
    world: Any, make_case: Any, client_for: Any, media: Path, django_capture_on_commit_callbacks: Any
) -> None:
    case, other = make_case(), make_case()
    client = client_for("caseworker")
    _upload(client, f"/api/children/{case.child_id}/documents/")
    _upload(client, f"/api/cases/{case.pk}/documents/")
    kept = _upload(client, f"/api/cases/{other.pk}/documents/").json()["id"]
    with django_capture_on_commit_callbacks(execute=True):
        assert child_identity_shred(actor=None, child=case.child, reason="REC-3 removal")
    assert list(Document.objects.values_list("pk", flat=True)) == [kept]
    assert len(_stored_files(media)) == 1
    assert os.path.basename(_stored_files(media)[0]) == os.path.basename(Document.objects.get().file.name)
