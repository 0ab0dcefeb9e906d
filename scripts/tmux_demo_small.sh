#!/usr/bin/env bash
# A whole draft at 80x24 in a real terminal (tmux): the panels are tabs (F2 表单, F3 草稿,
# F5 大纲, ctrl+f 搜索). Keys are sent with send-keys, every screen is read back with
# capture-pane, kept in $WORK/screens.txt, and checked for characters lost at an edge.
#
#   scripts/tmux_demo_small.sh          # exits 0 when the draft is complete and exported
#   KEEP=1 scripts/tmux_demo_small.sh   # leave the tmux session open afterwards
#
# Steps: form (title, 编号 by Tab, 届次, 领衔人, 抄送, the proposal's text with two demands);
# search and insert a paragraph at the first demand's placeholder (it stays that demand's
# answer); ctrl+n to the next placeholder and fill it; clear every check from 检查 (F4, Enter
# selects the problem's mark; ctrl+g once figures are checked); find and replace (ctrl+l);
# save (and `replydraft check` agrees); export a .docx.
set -euo pipefail

HERE="$(cd "$(dirname "$0")/.." && pwd)"
PY="${PYTHON:-$HERE/.venv/bin/python}"
[ -x "$PY" ] || PY="$(command -v python3)"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/replydraft-small.XXXXXX")"
SESSION="replydraft-small-$$"
export REPLYDRAFT_HOME="$WORK/home"
TITLE="关于加强农村道路交通安全的建议"
DEMAND1="在村道急弯处增设警示标志和护栏"
DEMAND2="加强农村道路交通安全宣传教育"
PROPOSAL="为此建议：一是${DEMAND1}。二是${DEMAND2}，组织民警进村入户宣讲。"
FILL="我局${DEMAND2}，组织民警进村入户宣讲，开展交通安全提示"
# What the officer types at each placeholder 检查 points to, in turn (different texts: the
# same one twice would be a duplicate paragraph).
FILLS=("部分村道弯多坡陡，警示设施仍有不足" "$FILL" "我局将持续跟踪落实" "我局将定期通报进展")
SCREENS="$WORK/screens.txt"

cleanup() { [ -n "${KEEP:-}" ] || tmux kill-session -t "$SESSION" 2>/dev/null || true; }
trap cleanup EXIT

screen() {
  local now
  now="$(tmux capture-pane -t "$SESSION" -p)"
  printf '%s\n' "$now" >>"$SCREENS"
  printf -- '-----\n' >>"$SCREENS"
  no_cuts "$now"
  printf '%s\n' "$now"
}
step() { printf '== %s\n' "$*"; }
fail() { printf 'FAIL: %s\n--- screen ---\n' "$*"; tmux capture-pane -t "$SESSION" -p; exit 1; }
# no_cuts SCREEN: a wide character lost at an edge leaves two blank cells before a closing
# mark (`「下步举  」`); the strings the UI shows whole must not be broken across a gap.
no_cuts() {
  if printf '%s\n' "$1" | grep -qP '[\x{4e00}-\x{9fff}]  +[」』）》”，。；：！？、]'; then
    printf 'CUT: a character is missing on screen\n%s\n' "$1"
    exit 1
  fi
}
wait_for() {
  local deadline=$((SECONDS + ${2:-15}))
  until screen | grep -qF -- "$1"; do
    [ $SECONDS -lt $deadline ] || fail "did not see: $1"
    sleep 0.3
  done
}
# wait_joined TEXT: as wait_for, for text the editor may wrap over two rows
wait_joined() {
  local deadline=$((SECONDS + ${2:-15}))
  until screen | perl -CS -0pe 's/[\s\x{2581}-\x{2588}\x{258a}\x{258e}]//g' | grep -qF -- "$1"; do
    [ $SECONDS -lt $deadline ] || fail "did not see: $1"
    sleep 0.3
  done
}
keys() { tmux send-keys -t "$SESSION" "$@"; sleep 0.35; }
type_text() { tmux send-keys -t "$SESSION" -l "$1"; sleep 0.5; }
# The first row of the checks panel (below its border line) names the first problem's kind.
first_problem() { screen | grep -A1 -E '检查 [0-9]+ 项' | tail -1 | awk '{print $1}'; }

step "the officer's settings, once: unit and who signs"
"$PY" -m replydraft config set unit 某县公安局 >/dev/null
"$PY" -m replydraft config set leader 王强 >/dev/null
"$PY" -m replydraft config set handler 李明 >/dev/null
"$PY" -m replydraft config set phone 0312-5551234 >/dev/null

step "1. start replydraft at 80x24: the form fills the screen, the footer keeps ^q ^s f1"
tmux new-session -d -s "$SESSION" -x 80 -y 24 "cd '$WORK' && REPLYDRAFT_HOME='$REPLYDRAFT_HOME' '$PY' -m replydraft"
wait_for "标题" 20
wait_for "^q 退出 ^s 保存 f1 帮助"
wait_for "表单 F2"

step "2. the form: title, Tab to 编号, 届次, 领衔人, 抄送, the proposal's text"
type_text "$TITLE"
keys Tab; type_text "56"
keys Tab; keys Tab; type_text "县十九届人大三次会议"
keys Tab; type_text "张三"
# 附议人 文种 主办单位 单位 日期 类别 公开属性 抄送
for _ in 1 2 3 4 5 6 7 8; do keys Tab; done
type_text "县交通运输局"
for _ in 1 2 3 4; do keys Tab; done  # 分管领导 承办人 电话 原文
type_text "$PROPOSAL"
wait_for "组织民警进村入户宣讲。"

step "3. the draft (F3): one item per demand"
keys F3
wait_for "对县十九届人大三次会议第56号建议的答复"
wait_for "张三代表："

step "4. insert a paragraph at the first demand's placeholder"
keys F5; keys Home
for _ in $(seq 1 12); do
  screen | grep -qE '▊? *下步举措' && break
done
# the outline's 下步举措 row: go down to it, Enter puts the cursor on its heading
ROW="$(screen | grep -nE '^.?.? ?[标称收致办现存下结落][^ ]* +[0-9]+段' | grep -n '下步举措' | head -1 | cut -d: -f1)"
[ -n "$ROW" ] || fail "no 下步举措 in the outline"
for ((i = 1; i < ROW; i++)); do keys Down; done
keys Enter
keys Down  # （一）【待填：对“…”的答复】
wait_for "【待填：对“${DEMAND1}”的答复】"
keys C-f
type_text "交通安全"
wait_for "“交通安全” 共"
keys Down; keys Enter
wait_for "已插入到"
keys F3
wait_joined "关于“${DEMAND1}”的建议，"

step "5. ctrl+n selects the next placeholder; typing replaces it"
keys F5; keys Home; keys Enter  # the cursor to the top
keys C-n
type_text "我局组织开展农村道路隐患排查，全年整治急弯陡坡路段"
wait_joined "全年整治急弯陡坡路段"

step "6. clear every check from 检查: F4, Enter selects the problem's mark"
filled=0
for _ in $(seq 1 40); do
  screen | grep -qF "检查：无问题" && break
  kind="$(first_problem)"
  case "$kind" in
    待填) keys F4; keys Enter; type_text "${FILLS[$filled]}"; filled=$((filled + 1)) ;;
    待核 | 他处) keys F4; keys Enter; keys C-g ;;  # figures checked: its marks go
    半角) keys F3; keys C-t ;;
    *) fail "a problem this walkthrough cannot clear: $kind" ;;
  esac
  sleep 0.8
done
wait_for "检查：无问题"

step "7. find and replace: 进村入户 -> 深入村社"
keys C-l
wait_for "查找"
type_text "进村入户"
keys Tab
type_text "深入村社"
keys Enter
wait_for "已替换"

wait_for "检查：无问题"

step "8. save"
keys C-s
wait_for "保存草稿到"
keys Enter
wait_for "已保存"
DRAFT="$(ls "$WORK"/*.draft.yaml)" || fail "no draft file"
BODY="$(sed -n '/^parts:/,$p' "$DRAFT")"  # the reply's text (the proposal's stays as it was)
grep -q "深入村社" <<<"$BODY" || fail "the replacement is not in the draft"
! grep -q "进村入户" <<<"$BODY" || fail "进村入户 left in the draft"
"$PY" -m replydraft check "$DRAFT" >"$WORK/check.txt" 2>&1 || fail "check: $(cat "$WORK/check.txt")"

step "9. export a .docx: the dialog opens in the format list"
keys C-o
wait_for "导出草稿：↑↓ 选格式，回车导出"
keys Enter
wait_for "已导出"
DOCX="$(ls "$WORK"/*.docx)" || fail "no .docx written"
screen >"$WORK/final-screen.txt"
keys C-q
sleep 0.5
printf 'OK: %s\n' "$DOCX"
