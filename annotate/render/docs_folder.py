"""The docs folder MkDocs reads, rewritten file by file only where the content changed.

A commit changes few pages; writing 10,000 unchanged files was a large share of a rebuild. Each file's
key (its bytes, plus its pre-rendered fragments for a page) is kept in a state file next to the folder; a
file whose key is unchanged is left alone, files no longer produced are removed. Pages whose inputs are
cheaper to fingerprint than to render (articles) also keep their input key, and are not even rendered
again while it is unchanged (``reuse``). The state is dropped before the first write and saved after the last, so an
interrupted build leaves no state and the next one rewrites everything. The keys are also what
``annotate.site_manifest`` compares to decide which pages MkDocs renders.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

from annotate.digest import digest
from annotate.render.fragments import fragment_file, lift, page_toc
from annotate.render.pieces import file_key

STATE = "docs-state.json"


class DocsFolder:
    """Writes ``docs`` (and the fragments beside it) incrementally; ``finish`` returns every file's key."""

    def __init__(self, docs: Path, fragments: Path | None = None, incremental: bool = True):
        self.path, self.fragments, self.incremental = docs, fragments, incremental
        self.state = docs.parent / f".{docs.name}-{STATE}"
        # Where the data files' pieces are indexed across builds (``annotate.render.pieces``); none for a plain folder.
        self.pieces: Path | None = docs.parent / f".{docs.name}-pieces" if incremental else None
        self.previous: dict[str, str] = {}
        self.previous_inputs: dict[str, list[str]] = {}
        self.keys: dict[str, str] = {}
        self.inputs: dict[str, str] = {}
        if not incremental:
            return
        if docs.is_dir():
            try:
                state = json.loads(self.state.read_text(encoding="utf-8"))
                self.previous, self.previous_inputs = state["keys"], state["inputs"]
            except (OSError, ValueError, KeyError, TypeError):
                self.previous = {}
        if not self.previous:  # unknown contents: start from an empty folder
            for folder in (docs, fragments, self.pieces):
                if folder is not None and folder.exists():
                    shutil.rmtree(folder)
        self.state.unlink(missing_ok=True)

    @classmethod
    def of(cls, docs: Path | DocsFolder) -> DocsFolder:
        """A plain folder (tests, tools) is written in full, without state."""
        return docs if isinstance(docs, DocsFolder) else cls(Path(docs), incremental=False)

    def __truediv__(self, uri: str) -> Path:
        return self.path / uri

    def reuse(self, uri: str, inputs: str) -> bool:
        """Keep the page the last build wrote when it was made from the same ``inputs`` (its input key)."""
        before = self.previous_inputs.get(uri)
        if before is None or before[0] != inputs or uri not in self.previous or not os.path.exists(os.path.join(self.path, uri)):
            return False  # (``os.path``: a Path object per page was a fifth of the search index's rebuild)
        self.keys[uri], self.inputs[uri] = self.previous[uri], inputs
        return True

    def write_page(self, uri: str, markdown: str, inputs: str | None = None) -> None:
        """A generated Markdown page; with a fragments folder its raw HTML blocks are lifted out."""
        if inputs is not None:
            self.inputs[uri] = inputs
        if self.fragments is None:
            self.write(uri, markdown)
            return
        content, blocks = lift(markdown)
        self.write(uri, content, json.dumps({"blocks": blocks, "toc": page_toc(content, blocks)}, ensure_ascii=False))

    def write(self, uri: str, content: str | bytes, blocks: str | None = None) -> None:
        data = content.encode("utf-8") if isinstance(content, str) else content
        extra = blocks.encode("utf-8") if blocks is not None else b""
        key = digest(data, extra)
        replaces = uri in self.keys  # written earlier in this build (a hand-written page a generated one replaces)
        self.keys[uri] = key
        path = self.path / uri
        if not replaces and self.previous.get(uri) == key and path.exists():
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        if self.fragments is not None:
            frag = fragment_file(self.fragments, uri)
            if blocks is None:
                frag.unlink(missing_ok=True)
            else:
                frag.parent.mkdir(parents=True, exist_ok=True)
                frag.write_bytes(extra)

    def temporary(self, uri: str) -> Path:
        """Where a data file is written before it takes its place (``place``)."""
        path = self.path / uri
        path.parent.mkdir(parents=True, exist_ok=True)
        return path.with_name(f".{path.name}.tmp")

    def place(self, uri: str, temporary: Path) -> str:
        """Make the file written at ``temporary`` the folder's ``uri``, unless its key shows it unchanged;
        return its key (the same as ``write`` gives its bytes)."""
        path = self.path / uri
        key = file_key(temporary)
        replaces = uri in self.keys
        self.keys[uri] = key
        if not replaces and self.previous.get(uri) == key and path.exists():
            temporary.unlink()
        else:
            temporary.replace(path)
            if self.fragments is not None:
                fragment_file(self.fragments, uri).unlink(missing_ok=True)
        return key

    def copy_tree(self, source: Path) -> None:
        """Hand-written pages and assets (hidden files and ``generated/`` left out)."""
        for path in sorted(source.rglob("*")):
            relative = path.relative_to(source)
            if path.is_file() and not any(p.startswith(".") or p == "generated" for p in relative.parts):
                self.write(relative.as_posix(), path.read_bytes())

    def adopt(self, keys: dict[str, str], inputs: dict[str, str]) -> None:
        """Record files another process wrote into this folder (``render_pages`` with ``fork``)."""
        self.keys.update(keys)
        self.inputs.update(inputs)

    def finish(self) -> dict[str, str]:
        """Remove what this build did not produce, save the state; return ``{docs path: key}``."""
        if not self.incremental:
            return dict(sorted(self.keys.items()))
        for uri in sorted(set(self.previous) - set(self.keys)):
            (self.path / uri).unlink(missing_ok=True)
            if self.fragments is not None:
                fragment_file(self.fragments, uri).unlink(missing_ok=True)
        state = {"keys": self.keys, "inputs": {uri: [inputs] for uri, inputs in self.inputs.items()}}
        self.state.write_text(json.dumps(state, sort_keys=True), encoding="utf-8")
        return dict(sorted(self.keys.items()))
