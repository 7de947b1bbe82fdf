"""Bytes to text: BOMs, binary sniffing, and the legacy encodings of bytes that are not UTF-8.

UTF-8 (with or without BOM), UTF-16 and UTF-32 with BOM are read as such; so are UTF-16 and
UTF-32 without BOM, recognised by their zero bytes (:func:`sniff`, with a warning: it is a guess).
Other bytes that are not valid UTF-8 are in a legacy encoding: :func:`detect_legacy` asks
`charset-normalizer <https://github.com/jawah/charset_normalizer>`_ which of the encodings French
text comes in (:data:`LEGACY`: cp1252, ISO-8859-15, Mac-Roman, cp850) reads them best, and when
it cannot tell, they are read as cp1252 (or latin-1 for the five bytes cp1252 leaves undefined);
a warning names the first bad byte, its offset and the encoding assumed. Files are decoded in
blocks (:func:`file_codec` finds the codec by streaming the file, :func:`decoded_file` yields its
text); standard input is decoded as it streams (:func:`stdin_chunks`): from the first byte that
is not UTF-8 on, it is read in the encoding detected from there. A file whose first bytes hold NUL
or too many control bytes is binary and skipped.
"""

from __future__ import annotations

import codecs
import itertools
import os
import select
import stat
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO, TextIO

from kg.inputs.problems import Unreadable
from kg.inputs.sources import STDIN_SOURCE

__all__ = ["CHUNK", "SNIFF", "PIPE_WAIT", "LEGACY", "bom", "bomless_unicode", "sniff", "report_guess", "looks_binary", "detect_legacy",
           "legacy_codec", "legacy_decode", "decode", "file_codec",
           "decoded_file", "stream_chunks", "stdin_chunks", "open_stream"]

CHUNK = 65536  # bytes (or characters) read at a time
SNIFF = 8192  # bytes looked at to tell text from binary
PIPE_WAIT = 30.0  # seconds a named pipe may wait for something to write into it

_BOMS = (  # UTF-32 first: its LE BOM starts with the UTF-16 LE one
    (codecs.BOM_UTF32_LE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8-sig", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16", "UTF-16"),
)
_TEXT_CONTROLS = frozenset(b"\t\n\x0b\x0c\r\x1b")


def bom(head: bytes) -> tuple[str, str] | None:
    """``(codec, name)`` of the byte-order mark ``head`` starts with, or ``None``."""
    for mark, codec, name in _BOMS:
        if head.startswith(mark):
            return codec, name
    return None


def _share(data: bytes, offset: int, step: int) -> float:
    """The share of zero bytes at ``offset``, ``offset + step``... of ``data``."""
    picked = data[offset::step]
    return picked.count(0) / len(picked) if picked else 0.0


def _readable(text: str) -> bool:
    if not text or "\x00" in text:
        return False
    controls = sum(1 for c in text if (c < " " and c not in "\t\n\r\x0b\x0c\x1b") or "\ud800" <= c <= "\udfff")
    return controls <= len(text) * 0.01


def bomless_unicode(head: bytes) -> tuple[str, str] | None:
    """``(codec, name)`` of UTF-32 or UTF-16 without a byte-order mark, told by where the zero bytes
    are (in text in Latin scripts, most characters have a zero high byte), if ``head`` then
    decodes to readable text; else ``None``."""
    n = len(head)
    if n < 8:
        return None
    candidates = []
    if n >= 16:
        for codec, zeros, others in (("utf-32-le", (1, 2, 3), (0,)), ("utf-32-be", (0, 1, 2), (3,))):
            if all(_share(head, z, 4) > 0.9 for z in zeros) and all(_share(head, o, 4) < 0.1 for o in others):
                candidates.append((codec, codec.upper().replace("-LE", "LE").replace("-BE", "BE")))
    for codec, zero, other in (("utf-16-le", 1, 0), ("utf-16-be", 0, 1)):
        if _share(head, zero, 2) > 0.5 and _share(head, other, 2) < 0.05:
            candidates.append((codec, codec.upper().replace("-LE", "LE").replace("-BE", "BE")))
    for codec, name in candidates:
        unit = 4 if "32" in codec else 2
        try:
            text = codecs.getincrementaldecoder(codec)("strict").decode(head[: n - n % unit], final=False)
        except UnicodeDecodeError:
            continue
        if _readable(text):
            return codec, name
    return None


#: How the encoding of bytes is recognised, in order, before UTF-8 (and the cp1252 fallback) is
#: tried: functions of the first :data:`SNIFF` bytes giving ``(codec, name)`` or ``None``. Another
#: detector (e.g. charset-normalizer's, for legacy encodings) goes here.
SNIFFERS: tuple[Callable[[bytes], tuple[str, str] | None], ...] = (lambda head: bom(head[:4]), bomless_unicode)


def sniff(head: bytes) -> tuple[str, str] | None:
    """``(codec, name)`` of bytes starting with ``head`` by the first of :data:`SNIFFERS` that
    recognises them, or ``None`` (then: UTF-8, else cp1252)."""
    for sniffer in SNIFFERS:
        found = sniffer(head)
        if found is not None:
            return found
    return None


def report_guess(found: tuple[str, str], source: str, warn: Callable[[str], None]) -> None:
    """The warning for an encoding recognised without a byte-order mark (a guess)."""
    if "-" in found[0] and found[0].endswith(("-le", "-be")):
        warn(f"{source}: no byte-order mark; read as {found[1]} (its zero bytes say so)")


def looks_binary(head: bytes) -> bool:
    """NUL bytes, or more than 10 % control bytes, in the first bytes of a BOM-less file."""
    if not head:
        return False
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if (b < 0x20 and b not in _TEXT_CONTROLS) or b == 0x7F)
    return controls > len(head) * 0.10


#: The legacy encodings French text comes in, in order of preference (charset-normalizer's names):
#: Windows (cp1252), ISO-8859-15 (latin-9: latin-1 with €, œ, Œ, Ÿ, Š, Ž), Mac OS Roman, DOS (cp850).
LEGACY = ("cp1252", "iso8859_15", "mac_roman", "cp850")
LEGACY_NAMES = {"cp1252": "cp1252", "iso8859_15": "ISO-8859-15", "mac_roman": "Mac-Roman", "cp850": "cp850",
                "latin-1": "latin-1"}
DETECT_SAMPLE = 262144  # bytes given to the detector, from just before the first byte that is not UTF-8
#: How much messier than the least messy decoding (charset-normalizer's ``chaos``) a decoding
#: may be and still be weighed by how French it looks: 0.1 reads right 465 of 467 sentences of
#: tests/corpus encoded alone in cp850 (0.02: 454), and all of them in the three others.
SLACK = 0.1

# How typical of French text each character beyond ASCII is (0 for the others): what a right
# decoding of French bytes gives. Tiers from the frequencies in tests/corpus (é alone is half of
# them; then ’ à è « »; then É ê ç ô; the rest of French's letters and punctuation are rare).
_FRENCH_WEIGHT = {**dict.fromkeys("âëïîùûüÿœæÀÂÈÊÎÔÛÇŒÆŸËÏÙ…–—“”‘€°", 1), **dict.fromkeys("Éêçô", 3),
                  **dict.fromkeys("’àè«»", 5), "é": 10}


def _french_score(text: str) -> float:
    """The mean :data:`_FRENCH_WEIGHT` of the characters of ``text`` beyond ASCII (0 without any)."""
    beyond = [c for c in text if c > "\x7f"]
    return sum(_FRENCH_WEIGHT.get(c, 0) for c in beyond) / len(beyond) if beyond else 0.0


def _cp1252(data: bytes) -> str:
    return data.decode("cp1252", "kg-latin1")


def detect_legacy(sample: bytes) -> str | None:
    """The legacy encoding of ``sample`` (bytes that are not UTF-8) among :data:`LEGACY`, when
    charset-normalizer is confident; ``None`` when it is not (then: cp1252).

    charset-normalizer rates each encoding by how messy its decoding is; of the least messy ones
    (within :data:`SLACK`), the one whose characters beyond ASCII look most like French text's wins
    (:func:`_french_score`: cp1252 and ISO-8859-15 decode French alike but for ``œ``, ``Œ``,
    ``€``, ``Ÿ``, which only this tells apart, ``½uvre`` or ``œuvre``; so do Mac-Roman and cp850
    on short texts), and only if it reads the sample as more French than cp1252 does.

    >>> detect_legacy("Le chef-d'œuvre a été présenté à l'Élysée.".encode("iso-8859-15"))
    'iso8859_15'
    >>> detect_legacy("Le président a déclaré qu'il était prêt à négocier.".encode("mac_roman"))
    'mac_roman'
    >>> detect_legacy("Un cœur à 10 €".encode("cp1252")) is None  # cp1252 reads it best: nothing to detect
    True
    """
    from charset_normalizer import from_bytes

    matches = list(from_bytes(sample, cp_isolation=list(LEGACY)))
    if not matches:
        return None
    least = min(m.chaos for m in matches)
    close = sorted((m for m in matches if m.chaos <= least + SLACK), key=lambda m: LEGACY.index(m.encoding))
    best = max(close, key=lambda m: _french_score(str(m)))  # max keeps the first of equals
    if best.encoding == "cp1252" or _french_score(str(best)) <= _french_score(_cp1252(sample)):
        return None
    return best.encoding


def legacy_codec(sample: bytes) -> tuple[str, str]:
    """``(codec, what warnings say)`` for bytes that are not UTF-8: the encoding :func:`detect_legacy`
    finds in ``sample``, else cp1252 (latin-1 when ``sample`` holds a byte cp1252 leaves undefined).

    >>> legacy_codec("Noël à Genève".encode("cp850"))
    ('cp850', 'cp850 (detected)')
    >>> legacy_codec(b"caf\\xe9")
    ('cp1252', 'cp1252 (assumed: the encoding could not be detected)')
    """
    detected = detect_legacy(sample)
    if detected is not None:
        return detected, f"{LEGACY_NAMES[detected]} (detected)"
    codec = "latin-1" if any(b in sample for b in _CP1252_UNDEFINED) else "cp1252"
    return codec, f"{codec} (assumed: the encoding could not be detected)"


def legacy_decode(data: bytes, codec: str) -> str:
    """``data`` decoded with ``codec`` (from :func:`legacy_codec`); cp1252 falls back to latin-1."""
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        return data.decode("latin-1")


def decode(data: bytes, source: str, warn: Callable[[str], None]) -> str:
    """The text of a whole file; raises :class:`Unreadable` for binary or undecodable data."""
    found = sniff(data[:SNIFF])
    if found is not None:
        report_guess(found, source, warn)
        codec, name = found
        try:
            text = data.decode(codec)
        except UnicodeDecodeError as exc:
            raise Unreadable(f"invalid {name} ({exc.reason} at byte {exc.start})") from None
        if "\x00" in text:
            raise Unreadable("binary file")
        return text
    if looks_binary(data[:SNIFF]):
        raise Unreadable("binary file")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        codec, said = legacy_codec(_sample(data, exc.start))
        text = legacy_decode(data, codec)
        warn(f"{source}: not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); read as {said}")
        return text


def _sample(data: bytes, bad: int) -> bytes:
    """What :func:`detect_legacy` is given: :data:`DETECT_SAMPLE` bytes from a little before ``bad``."""
    start = max(0, bad - 1024)
    return data[start:start + DETECT_SAMPLE]


_CP1252_UNDEFINED = (b"\x81", b"\x8d", b"\x8f", b"\x90", b"\x9d")


def _latin1_for_undefined(exc: UnicodeError) -> tuple[str, int]:
    """Codec error handler: the five bytes cp1252 leaves undefined are read as latin-1."""
    assert isinstance(exc, UnicodeDecodeError)
    return exc.object[exc.start:exc.end].decode("latin-1"), exc.end


codecs.register_error("kg-latin1", _latin1_for_undefined)


def _first_invalid_utf8(f: BinaryIO) -> tuple[int, int] | None:
    """``(offset, byte)`` of the first byte of ``f`` that is not UTF-8, read in blocks, or None."""
    pending, base = b"", 0  # base: file offset of pending[0]
    while True:
        block = f.read(CHUNK * 4)
        data = pending + block
        try:
            _, consumed = codecs.utf_8_decode(data, "strict", not block)
        except UnicodeDecodeError as exc:
            return base + exc.start, data[exc.start]
        if not block:
            return None
        base += consumed
        pending = data[consumed:]


def file_codec(path: Path, display: str, warn: Callable[[str], None]) -> tuple[str, str]:
    """``(codec, name)`` that decodes the whole file, found by streaming it; raises :class:`Unreadable`."""
    with open(path, "rb") as f:
        head = f.read(SNIFF)
        found = sniff(head)
        if found is not None:
            report_guess(found, display, warn)
            return found
        if looks_binary(head):
            raise Unreadable("binary file")
        f.seek(0)
        bad = _first_invalid_utf8(f)
        if bad is None:
            return "utf-8", "UTF-8"
        f.seek(max(0, bad[0] - 1024))
        codec, said = legacy_codec(f.read(DETECT_SAMPLE))
        if codec == "cp1252":  # the five bytes it leaves undefined may come later in the file
            f.seek(0)
            if any(any(b in block for b in _CP1252_UNDEFINED) for block in iter(lambda: f.read(CHUNK * 16), b"")):
                codec, said = "latin-1", said.replace("cp1252", "latin-1", 1)
    warn(f"{display}: not valid UTF-8 (byte 0x{bad[1]:02x} at offset {bad[0]}); read as {said}")
    return codec, LEGACY_NAMES[codec]


def decoded_file(path: Path, codec: str, name: str) -> Iterator[str]:
    """The text of a file in blocks, decoded with ``codec``; raises :class:`Unreadable`."""
    decoder = codecs.getincrementaldecoder(codec)("strict")
    offset = 0
    with open(path, "rb") as f:
        while True:
            block = f.read(CHUNK)
            try:
                text = decoder.decode(block, final=not block)
            except UnicodeDecodeError as exc:
                raise Unreadable(f"invalid {name} ({exc.reason} near byte {offset})") from None
            offset += len(block)
            if "\x00" in text and name.startswith(("UTF-16", "UTF-32")):
                raise Unreadable("binary file")
            if text:
                yield text
            if not block:
                return


def open_stream(path: Path, display: str, warn: Callable[[str], None], wait: float | None = None) -> BinaryIO:
    """A pipe or device named as a path (``kg build <(cat a.txt)``, a FIFO), opened to be read as
    a stream. A FIFO nothing writes into is waited for ``wait`` seconds (:data:`PIPE_WAIT`), with
    a warning after the first, then skipped: opening it the usual way would block for ever."""
    wait = PIPE_WAIT if wait is None else wait
    if not hasattr(select, "poll"):  # pragma: no cover - not POSIX
        return open(path, "rb")  # noqa: SIM115 - closed by the caller
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    try:
        if stat.S_ISFIFO(os.fstat(fd).st_mode):
            poller = select.poll()
            poller.register(fd, select.POLLIN)
            if not poller.poll(min(1.0, wait) * 1000):
                warn(f"{display}: waiting for something to write into this pipe (up to {wait:g} s)")
                if not poller.poll(max(wait - 1.0, 0.0) * 1000):
                    raise Unreadable(f"nothing was written into this pipe within {wait:g} s")
        os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def stream_chunks(stream: TextIO | BinaryIO, warn: Callable[[str], None], source: str = STDIN_SOURCE) -> Iterator[str]:
    """Standard input (or another stream, named ``source`` in warnings) decoded as it streams
    (see the module's docstring); raises :class:`Unreadable`."""
    buffer = getattr(stream, "buffer", None)
    src = buffer if buffer is not None else stream
    head = src.read(SNIFF)
    if isinstance(head, str):  # a text stream (tests, embedding): already decoded
        for text in itertools.chain([head], iter(lambda: src.read(CHUNK), "")):
            if "\x00" in text:
                raise Unreadable("binary file")
            yield text
        return
    found = sniff(head)
    if found is None and looks_binary(head):
        raise Unreadable("binary file")
    if found is not None:
        report_guess(found, source, warn)
    codec, name = found if found is not None else ("utf-8", "UTF-8")
    decoder = codecs.getincrementaldecoder(codec)("strict")
    offset = 0
    for block in itertools.chain([head], iter(lambda: src.read(CHUNK), b"")):
        try:
            yield decoder.decode(block, final=False)
        except UnicodeDecodeError as exc:
            if found is not None:
                raise Unreadable(f"invalid {name} ({exc.reason} near byte {offset})") from None
            # exc.object is the decoder's pending bytes + this block: keep its valid UTF-8 prefix
            data = exc.object
            yield data[:exc.start].decode("utf-8")
            codec, said = legacy_codec(data[max(0, exc.start - 1024):])
            codec = "cp1252" if codec == "latin-1" else codec  # the handler reads cp1252's undefined bytes as latin-1
            warn(f"{source}: not valid UTF-8 (byte 0x{data[exc.start]:02x} near offset "
                 f"{offset + exc.start - (len(data) - len(block))}); read as {said} from there")
            decoder = codecs.getincrementaldecoder(codec)("kg-latin1")
            yield decoder.decode(data[exc.start:])
        offset += len(block)
    try:
        yield decoder.decode(b"", final=True)
    except UnicodeDecodeError as exc:
        raise Unreadable(f"invalid {name} ({exc.reason} at the end)") from None


stdin_chunks = stream_chunks  # the name it had when only standard input streamed
