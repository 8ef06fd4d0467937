"""The tests' builds without Python's start-up and MkDocs' imports each time.

One server per pytest worker (started by building.build_site) reads one request per line on
its standard input: a JSON object with the project folder, MkDocs' command-line arguments, the
environment and a timeout. For each it forks a child that runs MkDocs' own command line
(`mkdocs.__main__.cli`, what `python -m mkdocs` runs) in that folder, with that environment,
its output in the two files the request names; the server answers one JSON line with the exit
code.

What the fork saves: after each build the server imports the third-party modules that
build used (MkDocs, Material, the macros plugin, Markdown, Babel, Pillow…), so later children
start with them loaded. The project's own modules (macros.py, hooks/, qualityweek/: everything
under the project folder) are never preloaded: each child imports them from the project it
builds, so a test's changed copy is built with its own code. The server is single-threaded,
so forking it is safe.

Jinja compiles Material's templates anew in every build (about 0.6 s of a 2 s build). The
server gives every Jinja environment a bytecode cache in a folder of its own (its first
argument) for the installed libraries' templates only: a compiled template is found by its name
and file and used only while a hash of its source is unchanged. The project's own templates
(overrides/, pages) are compiled in every build, since their compiled code could also depend on
what the project's code sets in the environment (filters, delimiters).

Python compiles the project's modules from source in every build (each test's copy is a new
folder, and PYTHONDONTWRITEBYTECODE, as CI sets it, keeps .pyc files from being written): about
0.15 s of the 0.4 s that a build stopping at its first bad file took. The server keeps compiled
code in a folder of its own (its second argument) by a hash of the source bytes, so that a
module is compiled once per content, whatever folder it is in; the code is then given its own
file's name (as Python does for a .pyc moved with its source).
"""

from __future__ import annotations

import _imp
import hashlib
import importlib
import json
import marshal
import os
import signal
import sys
from importlib.machinery import SourceFileLoader
from pathlib import Path

# modules whose state belongs to one run, not to a library: never preloaded
NOT_PRELOADED = ("__main__", "__mp_main__", "macros", "hooks", "qualityweek", "conftest")


def project_modules(project: Path) -> list[str]:
    """Names of the loaded modules that belong to the project (or are never preloaded): files
    under the project folder, except the installed libraries of a virtual environment in it."""
    libraries = Path(sys.prefix).resolve()
    names = []
    for name, module in list(sys.modules.items()):
        file = Path(getattr(module, "__file__", None) or "/").resolve()
        inside = file.is_relative_to(project) and not file.is_relative_to(libraries)
        if inside or name.split(".")[0] in NOT_PRELOADED:
            names.append(name)
    return names


def child(request: dict, out: str, err: str, learned: str) -> None:
    """In the forked child: run MkDocs' command line as `python -m mkdocs` would. Never returns."""
    code = 1
    try:
        stdout = os.open(out, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        stderr = os.open(err, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        os.dup2(os.open(os.devnull, os.O_RDONLY), 0)  # the server's requests are not its input
        os.dup2(stdout, 1)
        os.dup2(stderr, 2)
        signal.alarm(int(request["timeout"]))  # the default action ends the child
        project = Path(request["cwd"]).resolve()
        os.chdir(project)
        os.environ.clear()
        os.environ.update(request["env"])
        sys.path.insert(0, str(project))  # as `python -m` puts the working folder first
        sys.argv = ["mkdocs", *request["args"]]
        from mkdocs.__main__ import cli
        try:
            cli.main(args=request["args"], prog_name="mkdocs")
            code = 0
        except SystemExit as stop:
            code = stop.code if isinstance(stop.code, int) else (0 if stop.code is None else 1)
        with open(learned, "w", encoding="utf-8") as file:  # for the server to preload
            keep = set(project_modules(project))
            json.dump([name for name in sys.modules if name not in keep], file)
    except BaseException:  # noqa: BLE001 - the child must end here, never in the server's loop
        import traceback

        traceback.print_exc()
    finally:
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        finally:
            os._exit(code)


def preload(names: list[str]) -> None:
    for name in names:
        if name not in sys.modules:
            try:
                importlib.import_module(name)
            except BaseException:  # noqa: BLE001 - a module that cannot load alone stays out
                pass


def share_compiled_templates(folder: str) -> None:
    """Every jinja2.Environment made after this (in the children) caches compiled templates in
    `folder`, unless its maker gave it a cache of its own."""
    import jinja2

    libraries = Path(sys.prefix).resolve()

    class LibraryTemplates(jinja2.FileSystemBytecodeCache):
        def get_bucket(self, environment, name, filename, source):
            if filename and Path(filename).resolve().is_relative_to(libraries):
                return super().get_bucket(environment, name, filename, source)
            return jinja2.bccache.Bucket(environment, "", "")  # compiled, never stored

        def set_bucket(self, bucket) -> None:
            if bucket.key:
                super().set_bucket(bucket)

    cache = LibraryTemplates(folder)
    make = jinja2.Environment.__init__

    def make_with_cache(self, *args, **kwargs) -> None:
        make(self, *args, **kwargs)
        if self.bytecode_cache is None:
            self.bytecode_cache = cache

    jinja2.Environment.__init__ = make_with_cache


def share_compiled_modules(folder: str) -> None:
    """Modules that Python compiles from source (in the children) are compiled once per
    content of their source and kept in `folder`."""
    compile_source = SourceFileLoader.source_to_code
    # the code depends on the source, the optimization level and this interpreter, not the file
    version = sys.version.encode() + bytes([sys.flags.optimize])

    def source_to_code(self, data, path, *, _optimize=-1):
        digest = hashlib.sha256(version + str(_optimize).encode() + bytes(data)).hexdigest()
        kept = os.path.join(folder, digest)
        try:
            with open(kept, "rb") as file:
                code = marshal.loads(file.read())
        except (OSError, EOFError, ValueError, TypeError):
            code = None
        if code is not None:
            _imp._fix_co_filename(code, path)  # its own file's name, in every function's code
            return code
        # outside the `except`: a syntax error is reported as a fresh interpreter reports it
        code = compile_source(self, data, path, _optimize=_optimize)
        partial = f"{kept}.{os.getpid()}"
        with open(partial, "wb") as file:
            file.write(marshal.dumps(code))
        os.replace(partial, kept)  # whole or not at all
        return code

    SourceFileLoader.source_to_code = source_to_code


def serve(template_cache: str, module_cache: str) -> None:
    sys.path.pop(0)  # this script's folder (tests/) is not on a build's path
    share_compiled_templates(template_cache)
    share_compiled_modules(module_cache)
    for line in sys.stdin:
        request = json.loads(line)
        out, err = request["stdout"], request["stderr"]
        learned = out + ".modules"
        pid = os.fork()
        if pid == 0:
            child(request, out, err, learned)
        _, status = os.waitpid(pid, 0)
        code = os.waitstatus_to_exitcode(status)
        if os.path.exists(learned):
            with open(learned, encoding="utf-8") as file:
                preload(json.load(file))
            os.unlink(learned)
        sys.stdout.write(json.dumps({"returncode": code}) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    serve(sys.argv[1], sys.argv[2])
