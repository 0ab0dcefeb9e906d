#!/usr/bin/env bash
# The README walkthrough in a real terminal: tmux at 120x36, keys sent with send-keys, the
# screen read back with capture-pane, and each step asserted on what a person would see.
#
#   scripts/tmux_demo.sh            # run it; exits 0 when every step showed up on screen
#   KEEP=1 scripts/tmux_demo.sh     # leave the tmux session open afterwards (tmux attach -t …)
#
# Steps: start `replydraft`; fill the form for 关于加快人工智能产业发展的建议; see the skeleton;
# search 科技金融 and insert two paragraphs into the next steps, renumbered （一）（二）; clear the
# checks; save; export a .docx.
set -euo pipefail

HERE="$(cd "$(dirname "$0")/.." && pwd)"
PY="${PYTHON:-$HERE/.venv/bin/python}"
[ -x "$PY" ] || PY="$(command -v python3)"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/replydraft-demo.XXXXXX")"
SESSION="replydraft-demo-$$"
export REPLYDRAFT_HOME="$WORK/home"
TITLE="关于加快人工智能产业发展的建议"

cleanup() { [ -n "${KEEP:-}" ] || tmux kill-session -t "$SESSION" 2>/dev/null || true; }
trap cleanup EXIT

screen() { tmux capture-pane -t "$SESSION" -p; }
step() { printf '== %s\n' "$*"; }
fail() { printf 'FAIL: %s\n--- screen ---\n' "$*"; screen; exit 1; }
# wait_for TEXT [SECONDS]: until TEXT is on screen
wait_for() {
  local deadline=$((SECONDS + ${2:-10}))
  until screen | grep -qF -- "$1"; do
    [ $SECONDS -lt $deadline ] || fail "did not see: $1"
    sleep 0.2
  done
}
keys() { tmux send-keys -t "$SESSION" "$@"; sleep 0.3; }
type_text() { tmux send-keys -t "$SESSION" -l "$1"; sleep 0.4; }
# outline ROW: focus the outline, choose its ROWth part (0 = title), cursor goes there
outline() { keys F5; keys Home; for ((i = 0; i < $1; i++)); do keys Down; done; keys Enter; }
# outline_to NAME: jump to part NAME through 大纲, wherever it stands (the parts a skeleton has
# depend on the unit's house style: a unit whose replies have no separate thanks has no 致谢)
outline_to() {
  local i=0 name
  for name in $(screen | grep -oE "(标题|称谓|收悉|致谢|办理过程|现状|存在问题|下步举措|结束语|落款|其他) +[0-9]+段" | awk '{print $1}'); do
    [ "$name" = "$1" ] && { outline "$i"; return 0; }
    i=$((i + 1))
  done
  fail "part $1 not in the outline"
}
# part_count NAME: how many paragraphs the outline shows for part NAME (0 if absent)
part_count() { screen | grep -oE "$1 +[0-9]+段" | grep -oE '[0-9]+' | head -1 || echo 0; }

step "the officer's settings, once: unit and who signs"
"$PY" -m replydraft config set unit 余姚市科学技术局 >/dev/null
"$PY" -m replydraft config set leader 杨蕾 >/dev/null
"$PY" -m replydraft config set handler 何智敏 >/dev/null
"$PY" -m replydraft config set phone 0574-62700000 >/dev/null

step "1. start replydraft (no arguments) at 120x36"
# Pass REPLYDRAFT_HOME explicitly: a tmux server that is already running gives new sessions
# its own environment, not this script's.
tmux new-session -d -s "$SESSION" -x 120 -y 36 "cd '$WORK' && REPLYDRAFT_HOME='$REPLYDRAFT_HOME' '$PY' -m replydraft"
wait_for "标题" 15
wait_for "建议段落" 15  # the library is loaded

step "2. fill the form: title, number, session, proposer"
type_text "$TITLE"
keys Tab; type_text "12"  # Tab from 标题 goes to 编号
keys Tab; keys Tab; type_text "市十八届人大二次会议"  # past 类型
keys Tab; type_text "杜国强"

step "3. the skeleton appears and follows the form"
wait_for "对市十八届人大二次会议第12号建议的答复"
wait_for "杜国强代表："
wait_for "下步举措"
wait_for "余姚市科学技术局"

step "   keep only what this reply needs: drop the pre-filled status and problems"
outline_to 现状
for _ in 1 2 3 4 5 6 7 8; do
  [ "$(part_count 现状)" = 0 ] && break
  keys F8; sleep 0.5
done
[ "$(part_count 现状)" = 0 ] || fail "status part still there"
outline_to 存在问题 && keys F8  # a single placeholder line
sleep 0.5
[ "$(part_count 存在问题)" = 0 ] || fail "problems part still there"
outline_to 下步举措  # heading, then the pre-filled items
keys Down
for _ in $(seq 1 12); do
  [ "$(part_count 下步举措)" = 1 ] && break
  keys F8; sleep 0.5
done
[ "$(part_count 下步举措)" = 1 ] || fail "next steps still hold pre-filled items"
wait_for "一、下步举措"  # status gone: the heading was renumbered

step "4. search 科技金融 and insert two paragraphs into the next steps"
keys C-f
type_text "科技金融"
wait_for "“科技金融” 共"
# wait_count NAME N: until the outline shows N paragraphs in part NAME
wait_count() {
  local deadline=$((SECONDS + 10))
  until [ "$(part_count "$1")" = "$2" ]; do
    [ $SECONDS -lt $deadline ] || fail "$1 should hold $2 paragraphs"
    sleep 0.2
  done
}
keys Down; keys Enter
wait_count 下步举措 2
keys Down; keys Enter
wait_count 下步举措 3
wait_for "（一）"
wait_for "（二）"
keys F3  # into the editor: the cursor is on the second paragraph

step "5. clear the checks: full-width punctuation, figures checked"
keys C-t
keys C-g; keys Up; keys C-g
wait_for "检查：无问题"

step "6. save (first save asks for a path under the current directory)"
keys C-s
wait_for "保存草稿到"
keys Enter
wait_for "已保存"
ls "$WORK"/*.draft.yaml >/dev/null || fail "no draft file"

step "7. export a .docx"
keys C-o
wait_for "导出草稿"
keys Enter
wait_for "已导出 docx"
DOCX="$(ls "$WORK"/*.docx)" || fail "no .docx written"
screen > "$WORK/final-screen.txt"
keys C-q
sleep 0.5
printf 'OK: %s\n' "$DOCX"
