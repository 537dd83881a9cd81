"""Merging copies of one session recorded on several laptops into one, losing nothing.

Each field is merged by its versions (``core/model/versions.py``): of all the versions the
copies hold (a field in conflict holds several), those made from another are dropped;
one left, or several with the same text, is the result; several texts left are a
*conflict*. A conflicting text field holds every text, each under a line naming the
laptop, and is listed in ``[conflicts]`` until the facilitator edits it; a conflicting
choice (a table's pattern or layer, a first step's table, an own pattern's steps) keeps
the choice of the latest edit and is listed too. Records are matched by uid; one removed
on a copy stays removed unless another copy changed it since. Two tables with the same
name (two laptops that each added "Tafel 2") are both kept, the later one renamed.

The result depends only on the set of copies: merging is commutative, associative and
idempotent, so merging again with a copy already in changes nothing. Why a merge of
versions and not a CRDT library: docs/merging.md.

The parts: ``fields.py`` merges each field by its versions, ``records.py`` builds the
merged lists (tables, own patterns, principles, first steps) from the merged fields,
``sessions.py`` puts the merged session together, ``files.py`` merges session files into
a new one. The trash of a merge is ``core/model/trash.py``'s :func:`merged_trash`.
"""

from patroon_tui.core.merge.fields import conflict_text
from patroon_tui.core.merge.files import merge_files
from patroon_tui.core.merge.sessions import MergeError, identity, merge_sessions

__all__ = ["MergeError", "conflict_text", "identity", "merge_files", "merge_sessions"]
