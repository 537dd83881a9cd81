"""The loops and the collaboration triangle as pictures in the Word report:
:class:`Pictures`.

Each loop becomes a PNG (:mod:`.loop_png`, the same geometry as the web page's SVG and the
PDF's vectors) in the package's ``word/media/``, placed in its own centred paragraph (kept
on the page of the first step under it) as Word's own "picture in line with text", with
the steps as its description (Word's alt text, read out by screen readers). The steps stay
in the document as a numbered list too, to read and to edit. The paragraph is the XML
python-docx's ``add_picture`` writes, with the description added.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html import escape

from patroon_tui.core.drawing.marks import Marks, legend
from patroon_tui.core.report.loop_picture import SLOW_SIGN
from patroon_tui.core.report.loop_png import loop_png, triangle_png
from patroon_tui.core.report.triangle_picture import triangle_description

__all__ = ["IMAGE_TYPE", "Pictures", "png_content_type"]

IMAGE_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"
_EMU_PER_PX = 9525  # Word's units per pixel at 96 pixels an inch
_PNG_TYPE = '<Default Extension="png" ContentType="image/png"/>'


@dataclass
class Pictures:
    """The pictures of one document, as they are placed: the parts and relations to add."""

    width: int
    """The page's text width in Word's units (EMU): no picture is wider."""
    media: list[tuple[str, str, bytes]] = field(default_factory=list)
    """(relation id, part name in the package, PNG bytes) of each picture placed."""

    def loop(self, title: str, steps: list[str], marks: Marks | None = None) -> str:
        """The paragraph holding the loop's picture ("" when no ring layout exists);
        ``marks``: the arrows cut and slow, drawn and named in the description too."""
        made = loop_png(title, steps, marks=marks)
        if made is None:
            return ""
        said = " ".join(f"Stap {i}: {s}" for i, s in enumerate(steps, start=1))
        description = (f"Patroon ‘{title}’. {said} Na stap {len(steps)} begint de cirkel "
                       "weer bij stap 1.")
        if marks:
            description += " " + " ".join(legend(len(steps), marks, 10**6, False, None,
                                                 to=" naar ", slow_sign=SLOW_SIGN))
        return self._placed(*made, description, "Patroon")

    def triangle(self, layers: list[tuple[str, str]]) -> str:
        """The paragraph holding the triangle's picture."""
        return self._placed(*triangle_png(tuple(layers)), triangle_description(layers),
                            "Driehoek")

    def _placed(self, png: bytes, width: int, height: int, description: str,
                kind: str) -> str:
        n = len(self.media) + 1
        rid, name = f"rIdPatroon{n}", f"word/media/patroon-{n}.png"
        self.media.append((rid, name, png))
        cx = min(self.width, width * _EMU_PER_PX)
        cy = round(cx * height / width)
        # One line: a line break in an attribute would be made a Word break by the writer.
        alt = escape(" ".join(description.split()), quote=True)
        return (
            '<w:p><w:pPr><w:keepNext/><w:jc w:val="center"/></w:pPr><w:r><w:drawing>'
            f'<wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="{cx}" '
            f'cy="{cy}"/><wp:docPr id="{n}" name="{kind} {n}" descr="{alt}"/>'
            '<wp:cNvGraphicFramePr><a:graphicFrameLocks xmlns:a="http://schemas.openxmlformats'
            '.org/drawingml/2006/main" noChangeAspect="1"/></wp:cNvGraphicFramePr>'
            '<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
            '<a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">'
            '<pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture">'
            f'<pic:nvPicPr><pic:cNvPr id="{n}" name="patroon-{n}.png" descr="{alt}"/>'
            f'<pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:embed="{rid}"/>'
            '<a:stretch><a:fillRect/></a:stretch></pic:blipFill><pic:spPr><a:xfrm>'
            f'<a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm>'
            '<a:prstGeom prst="rect"/></pic:spPr></pic:pic></a:graphicData></a:graphic>'
            "</wp:inline></w:drawing></w:r></w:p>"
        )

    def relations(self, rels_xml: bytes) -> bytes:
        """The document's relations with one to each picture."""
        added = "".join(f'<Relationship Id="{rid}" Type="{IMAGE_TYPE}" '
                        f'Target="{name.removeprefix("word/")}"/>'
                        for rid, name, _ in self.media)
        return rels_xml.replace(b"</Relationships>", f"{added}</Relationships>".encode())


def png_content_type(types_xml: bytes) -> bytes:
    """The package's content types, knowing PNG."""
    if _PNG_TYPE.encode() in types_xml:
        return types_xml
    return types_xml.replace(b"</Types>", f"{_PNG_TYPE}</Types>".encode())
