"""A typed name -> the one thing it names (by id, name or alias, then unambiguous prefix), or
NotFound with "did you mean" suggestions. A short word (SHORT_WORD letters or fewer) resolves only
exactly: "bp" must never become benign prostatic hyperplasia by prefix."""

from __future__ import annotations

from typing import Optional, Sequence

from evidence_cli.errors import NotFound, UsageError
from evidence_cli.model import Ref
from evidence_cli.store.queries import Store
from evidence_cli.text import printable
from evidence_cli.text import normalize

KIND_WORDS = {
    "ingredient": "ingredient", "condition": "condition", "system": "body system", "drug": "drug or drug class",
}
MAX_NAME = 200
SHORT_WORD = 3


def _describe(kinds: Sequence[str]) -> str:
    words = [KIND_WORDS[k] for k in kinds]
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " or " + words[-1]


def _candidates(store: Store, name: str, kinds: Sequence[str], limit: int = 50) -> list[tuple[str, str]]:
    """(kind, id) of what a normalised name names: an exact name (earlier kinds win ties), else the
    names it is a prefix of, except for short words, which must match exactly."""
    rank = {k: i for i, k in enumerate(kinds)}
    found = sorted(store.exact(name, kinds), key=lambda f: rank[f[0]])[:1]
    if not found and len(name) > SHORT_WORD:
        found = store.prefixed(name, kinds, limit)
    return found


def find(store: Store, text: str, kinds: Sequence[str]) -> Optional[Ref]:
    """The one thing `text` names, or None; cheap (no suggestions), for trying readings of words."""
    name = normalize(text)
    found = _candidates(store, name, kinds, limit=2) if name and len(name) <= MAX_NAME else []
    if len(found) != 1:
        return None
    kind, id = found[0]
    return Ref(kind, id, store.display_name(kind, id))


def resolve(store: Store, text: str, kinds: Sequence[str]) -> Ref:
    """The thing of one of `kinds` that `text` names; kinds earlier in the list win exact ties."""
    name = normalize(text)
    what = _describe(kinds)
    if not name:
        raise UsageError(f"empty {what} name", hint="give a name, e.g. magnesium")
    if len(name) > MAX_NAME:
        raise NotFound(f"no {what} is called {printable(text, 60)!r} (names are at most {MAX_NAME} characters)")
    found = _candidates(store, name, kinds)
    if len(found) == 1:
        kind, id = found[0]
        return Ref(kind, id, store.display_name(kind, id))
    if found:
        options = _names(store, found[:8])
        raise NotFound(f"{printable(text, 60)!r} could be more than one {what}: {options}",
                       hint="type more of the name")
    suggestions = suggest(store, name, kinds)
    hint = f"did you mean {suggestions}?" if suggestions else f"list them with `evidence {_list_command(kinds)}`"
    raise NotFound(f"no {what} called {printable(text, 60)!r}", hint=hint)


def _list_command(kinds: Sequence[str]) -> str:
    return {"ingredient": "ingredients", "condition": "conditions", "system": "systems", "drug": "interactions --help"}[kinds[0]]


def _names(store: Store, found: Sequence[tuple[str, str]]) -> str:
    return ", ".join(f"{store.display_name(k, i)!r}" for k, i in found)


def suggest(store: Store, name: str, kinds: Sequence[str], limit: int = 3) -> str:
    import difflib

    candidates = store.all_names(kinds)
    by_name: dict[str, tuple[str, str]] = {n: (k, i) for n, k, i in candidates}
    close = difflib.get_close_matches(name, list(by_name), n=10, cutoff=0.75)  # 0.6 let "wrinkles" suggest "rickets"
    picked: list[tuple[str, str]] = []
    for n in close:
        if by_name[n] not in picked:
            picked.append(by_name[n])
    for thing in store.containing(name, kinds):
        if thing not in picked:
            picked.append(thing)
    return " or ".join(f"{store.display_name(k, i)!r}" for k, i in picked[:limit])
