#!/bin/sh
# Updates the site on a plain server: pulls the repository, builds it with `mkdocs build --strict`
# into a new dated folder, and only when that build succeeded switches the `current` symlink to
# it in one step (ln -sfn to a new name, then mv -T over the old link: rename(2) is atomic, so
# nginx serves either the old site or the new one, never half of one). On any failure the old
# site stays and the log says why. Old builds beyond QUALITY_KEEP_BUILDS are removed.
#
# Layout (QUALITY_DEPLOY_DIR, default /srv/quality-week):
#   repo/      the clone (git pull --ff-only), with its .venv (see README, «Свой сервер»)
#   builds/    one folder per build, named by its UTC time: 20261116-011700
#   logs/      the build's output beside it: 20261116-011700.log
#   current -> builds/20261116-011700   (nginx's root)
# Settings come from the environment (systemd: EnvironmentFile=/etc/default/quality-week):
#   QUALITY_SITE_URL, QUALITY_REGION_DIR, QUALITY_REPO_URL, QUALITY_REPO_KIND — as for any build;
#   QUALITY_PYTHON (default repo/.venv/bin/python), QUALITY_KEEP_BUILDS (default 7),
#   QUALITY_PIP_OPTIONS (e.g. "--no-index --find-links /srv/quality-week/wheels" offline).
# POSIX sh; needs git, flock (util-linux) and GNU mv (-T).

set -eu

log() {
  printf '%s %s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$*"
}

fail() {
  log "ОШИБКА: $* Сайт не обновлён: остаётся прежняя сборка ($(current_build))."
  exit 1
}

current_build() {
  readlink "$DEPLOY/current" 2>/dev/null || echo "её нет"
}

# The whole script is one function, read to its end before it runs: `git pull` may replace this
# very file while it runs, and a shell reads a script as it goes.
main() {
  DEPLOY=${QUALITY_DEPLOY_DIR:-/srv/quality-week}
  REPO=$DEPLOY/repo
  PYTHON=${QUALITY_PYTHON:-$REPO/.venv/bin/python}
  KEEP=${QUALITY_KEEP_BUILDS:-7}
  case $KEEP in
    ''|*[!0-9]*|0) fail "QUALITY_KEEP_BUILDS=«$KEEP»: ожидается число больше нуля." ;;
  esac
  mkdir -p "$DEPLOY/builds" "$DEPLOY/logs"

  # one update at a time (a timer run and a run by hand)
  exec 9>"$DEPLOY/.lock"
  flock -n 9 || fail "уже идёт другое обновление."

  log "Обновление: git pull в $REPO"
  git -C "$REPO" pull --ff-only --quiet || fail "git pull не удался (см. строки выше)."
  commit=$(git -C "$REPO" rev-parse --short HEAD)

  # the pinned packages, again only when requirements.txt changed since the last install
  if ! cmp -s "$REPO/requirements.txt" "$DEPLOY/.installed-requirements.txt"; then
    log "requirements.txt изменился: ставлю закреплённые пакеты"
    # shellcheck disable=SC2086  # the options are words on purpose
    "$PYTHON" -m pip install --quiet ${QUALITY_PIP_OPTIONS:-} -r "$REPO/requirements.txt" \
      || fail "pip install не удался (см. строки выше)."
    cp "$REPO/requirements.txt" "$DEPLOY/.installed-requirements.txt"
  fi

  stamp=$(date -u +%Y%m%d-%H%M%S)
  [ ! -e "$DEPLOY/builds/$stamp" ] || stamp=$stamp-$$
  out=$DEPLOY/builds/$stamp
  build_log=$DEPLOY/logs/$stamp.log
  log "Сборка коммита $commit в $out"
  if ! (cd "$REPO" && NO_MKDOCS_2_WARNING=1 "$PYTHON" -m mkdocs build --strict -d "$out") \
      >"$build_log" 2>&1; then
    rm -rf "$out"
    # the build's own reason: its error and warning lines (or its last lines)
    reason=$(grep -E 'ERROR|WARNING|Aborted|Error' "$build_log" | tail -n 20)
    [ -n "$reason" ] || reason=$(tail -n 20 "$build_log")
    printf '%s\n' "$reason"
    fail "сборка не прошла (полный вывод: $build_log)."
  fi
  for page in index.html 404.html; do
    [ -s "$out/$page" ] || { rm -rf "$out"; fail "в сборке нет $page."; }
  done

  ln -sfn "builds/$stamp" "$DEPLOY/current.new"
  mv -T "$DEPLOY/current.new" "$DEPLOY/current"
  log "Готово: сайт — сборка builds/$stamp (коммит $commit)"

  # keep the newest KEEP builds and the newest KEEP logs (failed builds leave a log only);
  # never the build just switched to
  # shellcheck disable=SC2012  # the names are this script's own timestamps
  ls -1 "$DEPLOY/builds" | sort -r | tail -n "+$((KEEP + 1))" | while read -r old; do
    [ "$old" = "$stamp" ] && continue
    rm -rf "${DEPLOY:?}/builds/$old"
    log "Удалена старая сборка builds/$old"
  done
  # shellcheck disable=SC2012
  ls -1 "$DEPLOY/logs" | sort -r | tail -n "+$((KEEP + 1))" | while read -r old; do
    [ "$old" = "$stamp.log" ] || rm -f "${DEPLOY:?}/logs/$old"
  done
}

main "$@"
