"""What a file is, read from its bytes (magic numbers), never from its name or the browser's claim: a program
renamed `order.pdf` is not a PDF. Pure: bytes in, a content type (or None) out."""

import io
import zipfile
from typing import IO

PDF = "application/pdf"
PNG = "image/png"
JPEG = "image/jpeg"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
ODT = "application/vnd.oasis.opendocument.text"

# The extensions a name may end with for each type; a name that claims another type than the content is refused.
EXTENSIONS: dict[str, frozenset[str]] = {
    PDF: frozenset({"pdf"}),
    PNG: frozenset({"png"}),
    JPEG: frozenset({"jpg", "jpeg"}),
    DOCX: frozenset({"docx"}),
    ODT: frozenset({"odt"}),
}
ALLOWED = frozenset(EXTENSIONS)
_ZIP = b"PK\x03\x04"
_ODT_MIMETYPE = ODT.encode()


def _office_type(stream: IO[bytes]) -> str | None:
    """A DOCX has [Content_Types].xml and word/document.xml; an ODT's first member, `mimetype`, names ODT."""
    try:
        with zipfile.ZipFile(stream) as archive:
            names = set(archive.namelist())
            if "mimetype" in names and archive.read("mimetype").strip() == _ODT_MIMETYPE:
                return ODT
            if "[Content_Types].xml" in names and "word/document.xml" in names:
                return DOCX
    except (zipfile.BadZipFile, OSError, KeyError, RuntimeError, ValueError, EOFError):
        return None
    return None


def sniff(stream: IO[bytes]) -> str | None:
    """The content type of an allowed kind of file, or None. Leaves the stream at its start."""
    stream.seek(0)
    head = stream.read(8)
    stream.seek(0)
    kind: str | None = None
    if head.startswith(b"%PDF-"):
        kind = PDF
    elif head.startswith(b"\x89PNG\r\n\x1a\n"):
        kind = PNG
    elif head.startswith(b"\xff\xd8\xff"):
        kind = JPEG
    elif head.startswith(_ZIP):
        kind = _office_type(stream)
    stream.seek(0)
    return kind


def sniff_bytes(content: bytes) -> str | None:
    return sniff(io.BytesIO(content))


def extension(name: str) -> str:
    return name.rsplit(".", 1)[-1].lower() if "." in name else ""


def name_matches(name: str, content_type: str) -> bool:
    return extension(name) in EXTENSIONS.get(content_type, frozenset())
