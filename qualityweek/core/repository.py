"""Where the site's «edit», «source» and «new file» links lead: the repository's pages, in the
shape its platform writes them.

GitHub: /edit/main/…, /blob/main/…, /new/main?filename=<path>&value=<text>.
GitLab (gitlab.com or a ministry's own server): /-/edit/main/…, /-/blob/main/…,
/-/new/main/<folder>?file_name=<name>&content=<text>.
github.com and gitlab.com say which they are; another host needs QUALITY_REPO_KIND. Without
it the platform is unknown, and the site links the repository's front page only: a wrong
shape would send an editor to a «page not found». Pure: no environment, no MkDocs.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote, urlsplit

GITHUB, GITLAB = "github", "gitlab"
KINDS = (GITHUB, GITLAB)
BRANCH = "main"  # MkDocs would guess «master»
_BY_HOST = {"github.com": GITHUB, "gitlab.com": GITLAB}
_NAMES = {GITHUB: "GitHub", GITLAB: "GitLab"}
# the part between the repository and the branch: GitLab puts its own pages under «/-/»
_PREFIX = {GITHUB: "", GITLAB: "-/"}


def kind_for(url: str, chosen: str | None) -> str | None:
    """The platform of the repository at `url` (checked https URL): the host's own where it
    tells (github.com, gitlab.com), else `chosen` (github, gitlab or None: unknown).
    ValueError when `chosen` names another platform than the host's."""
    host = (urlsplit(url).hostname or "").lower()
    known = _BY_HOST.get(host)
    if chosen is not None and chosen not in KINDS:
        raise ValueError(f"ожидается {' или '.join(KINDS)}")
    if known and chosen and chosen != known:
        raise ValueError(f"адрес {host} — это {_NAMES[known]}, а не {_NAMES[chosen]}")
    return known or chosen


@dataclass(frozen=True)
class NewFile:
    """A «new file» page that opens with a name and a text filled in: `url` + «?» + the name
    (`name_prefix` + file name) under `name_param` + the text under `content_param`;
    `pasted`: the page may drop the text, so the form copies it to paste."""
    url: str
    name_param: str
    name_prefix: str
    content_param: str
    pasted: bool = False


@dataclass(frozen=True)
class Repository:
    url: str  # https://host/owner/repo (a GitLab group path may be longer), no trailing slash
    kind: str | None  # GITHUB, GITLAB, or None: an unknown platform

    @property
    def platform(self) -> str | None:
        """The platform's name for a button («Предложить на GitLab»), None when unknown."""
        return _NAMES.get(self.kind or "")

    @property
    def name(self) -> str:
        """What the header's repository link is called: the platform, or the host."""
        return self.platform or urlsplit(self.url).hostname or ""

    def _page(self, action: str, path: str) -> str | None:
        if self.kind is None:
            return None
        return f"{self.url}/{_PREFIX[self.kind]}{action}/{BRANCH}/{quote(path)}"

    def edit_uri(self, docs: str = "docs") -> str | None:
        """MkDocs' edit_uri (relative to the repository's address with a slash)."""
        if self.kind is None:
            return None
        return f"{_PREFIX[self.kind]}edit/{BRANCH}/{quote(docs.strip('/'))}/"

    def file_url(self, path: str) -> str | None:
        """The page of a repository file such as CONTRIBUTING.md; None on an unknown platform."""
        return self._page("blob", path)

    def new_file(self, folder: str) -> NewFile | None:
        """The page that adds a file to `folder` (repository-relative, «regions/<регион>/events/2027/»)."""
        folder = folder.strip("/") + "/"
        if self.kind == GITHUB:
            # GitHub takes the whole path in `filename`
            return NewFile(f"{self.url}/new/{BRANCH}", "filename", folder, "value")
        if self.kind == GITLAB:
            # GitLab takes the folder in the path and the name in `file_name`; its editor may
            # leave `content` out (gitlab-org/gitlab#594214), so the form copies the text too
            return NewFile(f"{self.url}/-/new/{BRANCH}/{quote(folder)}", "file_name", "",
                           "content", pasted=True)
        return None
