"""The message catalogue: every sentence the CLI and the core show an officer, in Chinese.

Code looks a text up by key (`msg("error.file_not_found")`, `msg("export.wrote", path=…)`);
fields are `str.format` names. Keys group by where the text is read: `cli.*` (argparse's own
words), `help.<command>.*` (each command's help), `error.*` (one-line errors, the message of a
`ReplydraftError`), `out.*` (what a command prints), `check.*` (the check summary and the names
of problem codes). Nothing else in the package holds an English sentence for an officer.

Chinese only, whatever the locale: officers' terminals often run `LANG=C.UTF-8` or
`en_US.UTF-8` (servers, WSL, remote desktops), so following the locale would show English to the
very people the tool is for; and one language keeps the help, errors and docs in step. Machine
words stay English on purpose: option names, problem codes, `--json` keys.

This module imports nothing from the package, so every layer may use it.
"""

from __future__ import annotations

import re

MESSAGES: dict[str, str] = {
    # argparse's own words (usage line, groups, --help, --version, its errors).
    "cli.usage": "用法：",
    "cli.positionals": "位置参数",
    "cli.options": "选项",
    "cli.help": "显示本帮助并退出",
    "cli.version": "显示版本号并退出",
    "cli.error": "{prog}：错误：{message}",
    "cli.commands": "命令",
    "cli.argument": "参数 {name} ",
    "cli.error.required": "缺少参数：{names}",
    "cli.error.unrecognized": "无法识别的参数：{names}",
    "cli.error.invalid_choice": "参数 {argument}：不可用的取值 {value}（可选：{choices}）",
    "cli.error.invalid_value": "参数 {argument}：{value} 不是有效的{type}",
    "cli.error.expected_one": "参数 {argument}：需要一个值",
    "cli.error.expected_some": "参数 {argument}：至少需要一个值",
    "cli.error.not_allowed_with": "参数 {argument}：不能与 {other} 同时使用",
    "cli.error.ambiguous": "选项 {option} 有歧义，可能是：{matches}",
    "cli.type.int": "整数",
    "cli.type.float": "数字",
    # The program and its commands.
    "help.main": "起草对人大代表建议、政协委员提案的答复。不带命令时打开终端界面。",
    "help.parse.short": "读取一份往年答复，显示其字段、部分和措施",
    "help.parse.long": (
        "读取一份往年答复，显示其字段、部分和措施。可读 UTF-8（带或不带 BOM）、GB18030/GBK、"
        "UTF-16 文本和 .docx 文件。"
    ),
    "help.parse.epilog": (
        "示例：\n"
        "  replydraft parse seeds/001_744ecaa8d89d5a2d.txt\n"
        "  replydraft parse 旧答复.docx --json > reply.json"
    ),
    "help.parse.file": "一份往年答复：.txt（常见编码均可）或 .docx",
    "help.parse.json": "输出 JSON（供其他程序读取），而不是提纲",
    "help.ingest.short": "把往年答复的段落收入段落库",
    "help.ingest.long": (
        "解析 PATH 中的每份往年答复（文件，或递归查找文件夹中的 .txt、.md、.docx、.pdf、.html、"
        ".htm、.mht、.mhtml、.doc、.wps 和 .rtf；.doc、.wps、.rtf 需要 LibreOffice），把其中的"
        "措施段落和套话（感谢、办理、结尾）并入段落库。同一段落数字更新后成为该条目的新版本；"
        "你的备注、置顶和停用标记都会保留。对同一批文件运行两次，不会有任何改变。不是答复的文件"
        "（说明文档、新闻稿）会跳过并给出提示；读不出的文件使退出码为 2，其余文件照常收录。"
    ),
    "help.ingest.epilog": "示例：replydraft ingest ~/答复/2024 旧答复.docx --library 科室段落库.yaml",
    "help.ingest.paths": "答复文件或文件夹",
    "help.ingest.library": "要更新的段落库 YAML，不存在则新建（默认：你自己的段落库）",
    "help.ingest.dry_run": "只报告会有哪些改变，不写入",
    "help.ingest.verbose": "每个文件一行：收录的措施、跳过的行（页面杂项、落款、联系方式），或跳过的原因",
    "help.ingest.report": "把每个文件的那一行写入 FILE（.tsv/.csv/.txt 为制表符分隔，其他为 YAML）",
    "help.config.short": "查看或设置默认值（单位、分管领导、承办人、电话、用语）",
    "help.config.long": (
        "查看或修改你的设置，即每份答复落款和用语的默认值。\n\n"
        "示例：\n"
        "  replydraft config\n"
        "  replydraft config set unit 余姚市科学技术局\n"
        "  replydraft config set handler 何智敏\n"
        "  replydraft config set phone 89553541\n"
        "  replydraft config set work_phrase 科技工作\n"
        "  replydraft config set keymap.app.export ctrl+e\n"
        "  replydraft config unset leader\n"
        "  replydraft config path\n"
    ),
    "help.config.actions": "操作",
    "help.config.show": "显示设置（默认操作）",
    "help.config.set": "设置一项：KEY VALUE",
    "help.config.key": "unit、leader、handler、phone、work_phrase 或 keymap.<编号>",
    "help.config.value": "新的值",
    "help.config.unset": "清除一项设置",
    "help.config.unset_key": "要清除的设置",
    "help.config.path": "显示设置文件的位置",
    "help.skeleton.short": "生成建议或提案的答复框架（并保存草稿）",
    "help.skeleton.long": (
        "生成建议或提案的答复框架，并从段落库预填内容。\n\n"
        "只给标题就够了：--kind 由标题结尾（…的建议 / …的提案）判断，单位、分管领导、承办人和"
        "电话取自 `replydraft config`，仍不知道的内容留作醒目的【待填：…】，由 `replydraft check` "
        "报告。\n\n"
        "示例：\n"
        "  replydraft skeleton --title 关于加快人工智能产业发展的建议 --number 12 \\\n"
        "      --session 市十八届人大二次会议 --proposer 张三 --co-proposer 李四 --out draft.yaml\n"
        "  replydraft skeleton --title 关于加快发展制造业的建议 --role co_opinion --lead-unit 市经信局 \\\n"
        "      --number 239 --session 慈溪市人大十七届第一次会议 --proposer 胡国锋\n"
        "  replydraft skeleton --title 关于加强科技金融的提案 --proposal-text 提案全文.docx --format md\n"
        "  replydraft skeleton --draft draft.yaml --handler 何智敏 --out draft.yaml\n\n"
        "--out 不会覆盖已有文件（正在更新的 --draft 除外），除非加 --force，否则以退出码 2 停止"
        "（被覆盖的文件会留一份备份，见 `replydraft restore`）。更新 --draft 本身时同样保留其上一版。\n"
    ),
    "help.skeleton.title": "建议或提案的标题，如 关于加快人工智能产业发展的建议",
    "help.skeleton.kind": "类型（默认由标题判断）",
    "help.skeleton.number": "编号（第N号）",
    "help.skeleton.session": "标题行中的会议届次，如 市十八届人大二次会议",
    "help.skeleton.proposer": "提出的代表或委员（领衔人）",
    "help.skeleton.co_proposer": "附议人；每人一个 --co-proposer",
    "help.skeleton.role": "reply（答复，默认）或 co_opinion（协办意见）",
    "help.skeleton.lead_unit": "协办意见致送的主办单位，如 市经信局",
    "help.skeleton.unit": "答复单位（默认取自设置）",
    "help.skeleton.date": "答复日期，如 2026-05-20",
    "help.skeleton.leader": "分管领导（默认取自设置）",
    "help.skeleton.handler": "承办人（默认取自设置）",
    "help.skeleton.phone": "承办人电话（默认取自设置）",
    "help.skeleton.category": "答复类别：A、B、C 或 D",
    "help.skeleton.disclosure": "公开属性：主动公开、依申请公开或不予公开",
    "help.skeleton.cc": "抄送单位；每个单位一个 --cc",
    "help.skeleton.work_phrase": "本单位对自身工作的称呼，默认 科技工作",
    "help.skeleton.proposal_text": "建议或提案全文（文件，或 - 表示标准输入）",
    "help.skeleton.library": "段落库 YAML（默认：你自己的，否则用内置的）",
    "help.skeleton.no_library": "现状和下步举措留作【待填】",
    "help.skeleton.draft": "重新打开已保存的草稿（所给选项更新其信息）",
    "help.skeleton.out": "把草稿保存为此 YAML 文件",
    "help.skeleton.force": "允许 --out 覆盖已有文件（旧内容留一份备份）",
    "help.skeleton.format": "输出格式（默认 txt）",
    "help.search.short": "按建议标题、关键词或一段原文查找往年段落",
    "help.search.long": (
        "在段落库中查找。QUERY 可以是建议标题（“关于…的建议”的框架会被忽略）、以空格分隔的"
        "关键词，或从旧段落粘贴的文字。“高企”这样的简称也能找到“高新技术企业”（见 synonyms.yaml）。"
    ),
    "help.search.epilog": "示例：replydraft search '科技金融 知识产权质押' --section next_steps --top 5",
    "help.search.query": "要找的内容",
    "help.search.library": "段落库 YAML（默认：你自己的，否则用内置的）",
    "help.search.section": "优先此部分的段落：status（现状）| next_steps（下步举措）",
    "help.search.unit": "只要此答复单位的段落",
    "help.search.since": "只要 YEAR 年及以后的段落",
    "help.search.top": "结果条数（默认 10）",
    "help.search.json": "输出 JSON 列表（固定格式，供程序读取）",
    "help.check.short": "列出草稿的问题（待填、称谓、编号、待核数字等）",
    "help.check.long": (
        "列出已保存草稿的问题及其位置，有问题时退出码为 1。\n\n"
        "检查：未填的【待填：…】、与类型不符的称谓（建议称代表，提案称委员，协办意见致主办单位）、"
        "标题与收悉句的编号或题目不一致、编号跳号重号或层级错乱、标着【待核】的旧数字、中文里的"
        "半角标点、同一段落用了两次，以及建议中没有段落答复的诉求。\n\n"
        "每个问题一行：DRAFT:行号: 部分第N段 [代码] 说明（行号与编辑器和 "
        "`replydraft export --format txt` 一致，从 1 起）。代码是供脚本使用的固定英文词"
        "（`--json` 给出全部字段），说明为中文并引用有问题的文字，如\n"
        "  draft.yaml:13: 现状第3段 [stale] 数字待核：2021年、484家（共2处【待核】）——核对后删去标记\n"
        "没有问题时不输出任何内容。\n"
        "退出码：0 没有问题，1 有问题，2 草稿读不出。\n\n"
        "示例：\n"
        "  replydraft check draft.yaml\n"
        "  replydraft check draft.yaml --json\n"
    ),
    "help.check.draft": "用 `replydraft skeleton --out` 保存的草稿",
    "help.check.library": "段落库 YAML，用来说明重复段落的来源（默认：你自己的，否则用内置的）",
    "help.check.json": "以 JSON 列表输出问题（行号从 1 起，与文字输出一致）",
    "help.export.short": "把草稿导出为 txt、md、body（供平台粘贴）或 docx（公文格式）",
    "help.export.long": (
        "导出已保存的草稿。\n\n"
        "格式：\n"
        "  txt   编辑器中的草稿文字（各部分之间空一行）\n"
        "  md    Markdown：标题 #，一、 标题 ##，（一） 标题 ###\n"
        "  body  只有正文，从收悉句到结尾，一段一行，没有标题、称谓和落款：供粘贴到网上办理平台\n"
        "  docx  公文格式的 Word 文件（GB/T 9704-2012）：A4，方正小标宋标题，仿宋_GB2312 正文，"
        "黑体/楷体小标题，单位和日期居右，联系人注，右上角答复类别，抄送\n\n"
        "不给 --format 时由 -o 的后缀（.txt .md .docx）决定格式。不给 -o 时，文字格式输出到"
        "标准输出，docx 写在草稿旁边（draft.yaml → draft.docx）。文件以原子方式写入：导出中断"
        "或失败不会留下半个文件，也不动旧文件。已有的输出文件不会被替换，除非加 --force（旧内容"
        "留一份备份，见 `replydraft restore`）。\n"
        "退出码：0 导出完成，1 已导出但还有【待填】或【待核】（给出处数），2 草稿读不出或无法写入。\n\n"
        "示例：\n"
        "  replydraft export draft.yaml -o 答复.docx\n"
        "  replydraft export draft.yaml --format body | pbcopy\n"
        "  replydraft export draft.yaml --format md -o reply.md\n"
    ),
    "help.export.draft": "用 `replydraft skeleton --out` 保存的草稿",
    "help.export.format": "导出格式",
    "help.export.output": "输出文件（'-' 表示标准输出）",
    "help.export.force": "替换已有的输出文件（旧内容留一份备份）",
    "help.restore.short": "列出或恢复草稿、段落库或设置的旧版本",
    "help.restore.long": (
        "每次保存草稿、段落库或设置，都会保留被替换的那一版（最近 3 版，放在文件旁的 "
        ".replydraft-backups 文件夹中）；用 --force 覆盖已有文件的导出和 skeleton --out 也一样。"
        "本命令列出这些版本，或恢复其中一版。恢复时被替换的版本同样会保留，所以恢复也可以撤销。\n\n"
        "示例：\n"
        "  replydraft restore 第107号.draft.yaml --list\n"
        "  replydraft restore 第107号.draft.yaml            （最近一次备份）\n"
        "  replydraft restore 科室段落库.yaml --generation 2\n"
    ),
    "help.restore.file": "草稿、段落库或设置文件",
    "help.restore.list": "列出保留的版本，最新的在前",
    "help.restore.generation": "恢复哪一版：1 最近一版（默认），2 再前一版，…",
    "help.tui.short": "打开终端界面（不带命令时的默认操作）",
    "help.tui.long": (
        "在新草稿或 DRAFT（.draft.yaml 文件，不存在则在第一次保存时创建）上打开终端界面。"
        "示例：replydraft tui 第107号.draft.yaml"
    ),
    "help.tui.draft": "要打开或新建的草稿文件",
    "help.tui.library": "段落库 YAML（默认：你自己的，否则用内置的）",
    # One-line errors (the message of a ReplydraftError; the CLI puts the file in front).
    "error.file_not_found": "文件不存在",
    "error.cannot_read": "无法读取：{reason}",
    "error.cannot_write": "无法写入：{reason}",
    "error.is_folder": "这是文件夹，不是文件",
    "error.file_empty": "文件是空的",
    "error.binary_file": "不是文本或 .docx 答复，而是二进制文件",
    "error.no_text": "文件中没有文字",
    "error.cannot_decode": "无法识别编码：不是 UTF-8、GB18030 或其他已知编码",
    "error.cannot_decode_as": "按 {encoding} 解码时在第 {byte} 字节出错",
    "error.bad_docx": "不是可读的 .docx 文件（{reason}）",
    "error.not_utf8": "不是 UTF-8 文本文件（第 {byte} 字节）",
    "error.not_a_reply": "不是一份答复（没有找到建议或提案的标题、称谓或收悉句）",
    "error.library_not_found": "段落库不存在",
    "error.library_invalid": "不是有效的段落库：{where}{problem}",
    "error.library_builtin_no_file": "内置的默认段落库没有文件，保存时请给出路径",
    "error.topics_shape": "主题表应把每个主题对应到一个关键词列表",
    "error.invalid_yaml": "YAML 格式错误：{where}{problem}",
    "error.unknown_section": "不认识的部分 {section}：可用 {choices}",
    "error.top_too_small": "--top 至少为 1",
    "error.unknown_format": "不认识的导出格式 {format}（可用：{choices}）",
    "error.format_from_suffix": "无法从“{suffix}”判断格式：请加 --format txt|md|docx|body",
    "error.no_suffix": "无后缀",
    "error.docx_to_stdout": ".docx 不能输出到标准输出：请用 -o 文件.docx",
    "error.overwrite_draft": "不能用导出覆盖草稿本身：请换一个 -o",
    "error.need_title": "请用 --title 给出建议或提案的标题（或用 --draft 重新打开草稿）",
    "error.date_option": "--date：{problem}",
    "error.unknown_kind": "不认识的类型“{kind}”（可用 suggestion、proposal 或 motion）",
    "error.unknown_role": "不认识的角色“{role}”（可用 reply 或 co_opinion）",
    "error.not_a_date": "不是日期：“{date}”（应写作 2026-05-20）",
    "error.setting_value": "设置 {key} 的值",
    "error.keymap_needs_id": "请写明哪个按键：keymap.<编号>",
    "error.unknown_setting": "不认识的设置“{key}”（可用：{known}）",
    "error.voice_section": "用语表：“{name}”应为 {sections} 之一，每项是名称到用语的映射",
    "error.voice_mapping": "用语表应为映射",
    "error.voice_rows": "“{name}”应把名称对应到用语",
    "error.template_syntax": "模板语法错误：{where}{problem}",
    "error.template_field": "模板用到了框架不提供的字段：{where}“{name}”",
    "error.template_forbidden": "模板做了不允许的操作：{where}{problem}",
    "error.template": "模板出错：{where}{problem}",
    "error.template_block": "块“{block}”不是答复的部分（部分有：{parts}）",
    "error.template_not_found": "找不到模板：{name}",
    "error.template_recursive": "模板包含或继承了自己",
    "error.template_line": "第 {line} 行：",
    # A library file that is not in shape (`error.library_invalid` puts the line in front).
    "library.top_mapping": "应为含 `format: 1`、`sources:` 和 `entries:` 的映射",
    "library.top_key": "不认识的顶层键“{key}”（应为 format、sources、entries）",
    "library.format": "不支持的格式 {format}（本版本读取格式 1）",
    "library.entries_list": "`entries` 应为列表",
    "library.repeated_id": "第 {number} 条与第 {first} 条的编号“{id}”重复",
    "library.sources_mapping": "`sources` 应把每份答复的标签对应到其单位、日期、年份和标题",
    "library.source_mapping": "来源“{label}”应为映射（{keys}）",
    "library.source_named": "来源“{label}”",
    "library.entry_mapping": "第 {number} 条应为映射",
    "library.entry_field": "第 {number} 条：不认识的字段“{key}”（可用：{fields}）",
    "library.entry_no_text": "第 {number} 条没有 text",
    "library.entry_kind": "第 {number} 条：kind 应为 {kinds} 之一",
    "library.entry_section": "第 {number} 条：section 应为 {sections} 之一",
    "library.entry_id": "第 {number} 条：id 应为文字",
    "library.entry_versions": "第 {number} 条：versions 应为列表",
    "library.version_text": "第 {number} 条：第 {version} 个版本缺少 text",
    "library.version_field": "第 {number} 条：第 {version} 个版本：不认识的字段“{key}”",
    "library.entry_named": "第 {number} 条的 {field}",
    "library.text_list": "{what}应为文字的列表",
    "library.entry_notes": "第 {number} 条：notes 应为文字",
    "library.entry_lines": "第 {number} 条：lines 应为行号或 12-15 这样的范围",
    "library.entry_flag": "第 {number} 条：{field} 应为 true 或 false",
    "library.source_unlisted": "第 {number} 条：来源“{source}”未列在 `sources` 中",
    "library.source_shape": "第 {number} 条：来源应为 `sources` 中的标签或一个映射",
    "library.source_field": "{what}：不认识的字段“{key}”",
    "library.source_year": "{what}：year 应为数字",
    # Files, drafts and settings that cannot be read or written.
    "error.synonyms_groups": "同义词应为词组的列表，如 groups: [[高企, 高新技术企业]]",
    "error.synonyms_group": "每组同义词应为列表，如 [高企, 高新技术企业]",
    "error.config_mapping": "配置文件应为“设置名: 值”的映射",
    "error.what_config": "配置文件",
    "error.config_garbled": "设置含有无法识别的字节（乱码），未保存",
    "error.library_empty": "不是 replydraft 段落库（文件是空的），不会写入它",
    "library.no_content": "不是 replydraft 段落库（文件里没有内容），不会写入它",
    "library.no_keys": "不是 replydraft 段落库（没有 format 和 entries）",
    "error.what_library": "段落库",
    "error.library_locked": "段落库正被另一个进程写入，等了 {seconds} 秒仍未完成，请稍后再试",
    "error.template_not_utf8": "模板不是 UTF-8 编码，请另存为 UTF-8",
    "error.template_arithmetic": "模板计算出错：{where}{kind}: {problem}",
    "error.not_regular": "不是普通文件（设备、管道或套接字），不能读取",
    "error.docx_unpacked_too_large": "Word 文件解压后过大（{size} MB，上限 {limit} MB），不像一份答复",
    "error.docx_body_too_large_mb": "Word 文件正文过大（{size} MB），不像一份答复",
    "error.docx_body_too_large": "Word 文件正文过大，不像一份答复",
    "error.docx_too_many_paragraphs": "Word 文件段落过多（超过 {limit} 段），不像一份答复",
    "error.save_read_only": "所在位置只读，无法保存",
    "error.save_disk_full": "磁盘已满，无法保存（原文件未改动）",
    "error.save_not_dir": "路径中有一段不是文件夹，无法保存",
    "error.save_failed": "无法保存：{reason}",
    "error.target_is_folder": "这是一个文件夹，不能写成文件",
    "error.exists": "文件已存在，未覆盖；确需覆盖请加 --force（旧文件会留一份备份，可用 replydraft restore 找回）",
    "error.no_backups": "没有可恢复的备份",
    "error.no_generation": "没有第 {generation} 代备份（现有 1–{kept} 代）",
    "error.backup_unreadable": "备份读不出：{reason}",
    "error.convert_timeout": "LibreOffice 转换超时（超过 {seconds} 秒），请在 Word 或 WPS 中另存为 .docx 后再试",
    "error.convert_cannot_run": "无法运行 LibreOffice（{reason}）",
    "error.convert_failed": "LibreOffice 无法转换此文件（文件可能已损坏或有密码保护）",
    "error.surrogates": "{what}含有无法识别的字节（{shown}），请检查终端编码是否为 UTF-8 后重新输入",
    "invalid.empty": "不能为空",
    "invalid.text": "应为文字，不是{value}",
    "invalid.garbled": "含有无法识别的字节（乱码），请改正",
    "invalid.list": "应为列表，不是{value}",
    "invalid.empty_item": "列表中有空项",
    "invalid.whole_number": "应为不小于 0 的整数，不是{value}",
    "invalid.date": "应为日期（如 2026-05-20），不是{value}",
    "invalid.date_shape": "不是日期（{value}），应为 2026-05-20 这样的形式",
    "invalid.no_such_date": "日期不存在（{value}）",
    "invalid.choice": "不认识的取值 {value}（可用：{allowed}）",
    "invalid.mapping": "{what}应为映射（键: 值），不是{value}",
    "invalid.format": "format 应为正整数，不是{value}",
    "error.newer_format": "{what}是更新版本的 replydraft 写的（格式 {format}，本版本只读到格式 {current}），请升级 replydraft；文件未改动",
    "error.too_large": "文件过大（{size}，上限 {limit}）",
    "error.too_large_limit": "文件过大（上限 {limit}）",
    "error.yaml_too_deep": "YAML 嵌套过深",
    "error.mht_empty": "网页存档（.mht）中没有网页正文",
    "error.pdf_no_text": "PDF 中没有文字层（可能是扫描件）：请先用 OCR 识别为文字，或改用原始的 Word 文件",
    "error.pdf_password": "PDF 有密码保护，请先去除密码再试",
    "error.bad_pdf": "不是可读的 PDF 文件（{reason}）",
    "error.draft_garbled": "草稿含有无法识别的字节（乱码），未保存",
    "draft.paragraph_text": "段落缺少 text",
    "draft.year": "应为年份数字，不是 {value}",
    "draft.part_kind": "缺少 kind（部分的类别）",
    "draft.paragraphs": "应为段落的列表",
    "draft.not_a_draft": "不是 replydraft 草稿（应有 meta 和 parts）",
    "draft.what": "草稿",
    "draft.parts": "应为部分的列表",
    "out.skipped": "已跳过：{reason}",
    "out.note": "注意：{text}",
    # `replydraft parse`: the outline of a past reply.
    "outline.doc_type": "文种",
    "outline.doc_type.reply": "答复",
    "outline.doc_type.co_opinion": "协办意见",
    "outline.proposal_kind": "来件类型",
    "outline.session": "会议届次",
    "outline.number": "编号",
    "outline.addressee": "称谓对象",
    "outline.addressee_title": "称谓",
    "outline.proposer": "领衔人",
    "outline.co_proposers": "附议人",
    "outline.proposal_title": "来件标题",
    "outline.responding_unit": "答复单位",
    "outline.date": "日期",
    "outline.category": "答复类别",
    "outline.doc_number": "文号",
    "outline.disclosure": "公开属性",
    "outline.leader": "分管领导",
    "outline.handler": "承办人",
    "outline.phone": "联系电话",
    "outline.parts": "部分（{count}）",
    "outline.measures": "措施（{count}）",
    # Numbering and ingest reports.
    "numbering.mixed": "序号层级混用：{written}与同一标题下前面各项不是同一级",
    "numbering.start": "编号应从{right}开始，此处是{written}",
    "numbering.repeated": "编号重复：{previous}之后又是{written}，应为{right}",
    "numbering.gap": "编号不连续：{previous}之后是{written}，应为{right}",
    "numbering.order": "编号顺序有误：{previous}之后是{written}，应为{right}",
    "numbering.follow": "前面编号有误，此处{written}应随之改为{right}",
    "numbering.inline": "句中序号有误：“{written}是”应为“{right}是”",
    "ingest.not_a_reply": "不是答复或协办意见（没有找到标题、称谓或对建议、提案的收悉语）",
    "ingest.line_failed": "{file}：无法读取：{reason}",
    "ingest.line_skipped": "{file}：已跳过：{reason}",
    "ingest.line": "{file}：收录措施 {measures} 段、套话 {phrases} 段；跳过 {furniture} 行页面杂项、{signature} 行落款、{contacts} 行联系方式",
    "ingest.status.ingested": "已收录",
    "ingest.status.skipped": "已跳过",
    "ingest.status.failed": "无法读取",
    # What commands print.
    "out.prefix": "replydraft: {text}",
    "out.saved": "已保存 {path}",
    "out.wrote": "已导出 {path}（{format}）",
    "out.placeholders_left": (
        "还有 {count} 处【待填】或【待核】未处理，见 `replydraft check {draft}`"
    ),
    "out.problems_left": "还有 {count} 处问题，见 `replydraft check {draft}`",
    "out.ingest_summary": (
        "读取 {files} 个文件，{failed} 个失败{skipped}；共 {paragraphs} 段：新增 {added} 条，"
        "更新 {updated} 条，未变 {unchanged} 条"
    ),
    "out.ingest_skipped": "，跳过 {count} 个（不是答复）",
    "out.library_is": "段落库：{path}（{count} 条）",
    "out.library_would_be": "段落库将写入：{path}（{count} 条）",
    "out.backup": "{generation}  {saved}  {size} 字节",
    "out.restored": "已用 {saved} 的备份（第 {generation} 代）恢复 {path}；恢复前的内容也已备份",
    "out.no_matches": "没有找到相符的段落",
    "out.config_not_written": "（尚未写入）",
    # `replydraft check`: the summary and the Chinese names of the problem codes.
    "check.where": "{part}第{paragraph}段",
    "check.summary": "共{count}处问题（{counts}）",
    "check.count": "{name}{count}处",
    # The checks' messages (each quotes the offending text).
    "check.placeholder": "未填写：{text}",
    "check.no_salutation_co": "缺少称谓：协办意见应致主办单位（如“{lead_unit}：”）",
    "check.no_salutation": "缺少称谓（如“{proposer}{title}：”）",
    "check.co_to_lead_unit": "协办意见应致主办单位{lead_unit}，不是“{text}”",
    "check.not_lead_unit": "称谓与主办单位不符：此处是“{text}”，主办单位是{lead_unit}",
    "check.wrong_title": "称谓与类型不符：{kind}应称“{expected}”，不是“{other}”",
    "check.salutation_form": "称谓应写作“×××{expected}：”，此处是“{text}”",
    "check.not_proposer": "称谓与提出人不符：此处是“{text}”，提出人是{proposer}",
    "check.number_mismatch": "标题为第{title}号，收悉句为第{ack}号",
    "check.kind_mismatch": "标题为“{title}”，收悉句为“{ack}”",
    "check.title_mismatch": "标题为《{title}》，收悉句为《{ack}》",
    "check.ack_vs_meta": "收悉句为《{ack}》，来件题目为《{title}》",
    "check.stale": "数字待核{named}（共{count}处【待核】）——核对后删去标记",
    "check.etc": "等",
    "check.foreign": "他单位或他处内容待核：{shown}（共{count}处【待核】）——改为本单位情况后删去标记",
    "check.halfwidth_at": "在“{context}”",
    "check.halfwidth": "半角标点{shown}（{spot}）：请改为{wanted}",
    "check.year": "{year}年",
    "check.source": "来源：{label}；",
    "check.reused": "段落“{words}”重复使用（{origin}首次在第{line}行）",
    "check.same_text": "与第{line}行段落重复",
    "check.unanswered": "诉求{number}未见答复：{demand}",
    "check.deputy_or_member": "代表（委员）",
    "check.halfwidth_spots": "{count}处，首处在“{context}”",
    "check.code.placeholder": "待填",
    "check.code.salutation": "称谓",
    "check.code.title_mismatch": "标题不一致",
    "check.code.numbering": "编号",
    "check.code.stale": "待核数字",
    "check.code.foreign": "他单位内容",
    "check.code.halfwidth": "半角标点",
    "check.code.duplicate": "重复段落",
    "check.code.unanswered_demand": "未答复诉求",
}


def msg(key: str, /, **fields: object) -> str:
    """The catalogue's text for `key` with `fields` filled in; a missing key is a bug (KeyError)."""
    text = MESSAGES[key]
    return text.format(**fields) if fields else text


def code_name(code: str) -> str:
    """The Chinese name of a check's problem code (`placeholder` → 待填); the code if unknown."""
    return MESSAGES.get(f"check.code.{code}", code)


_ARGPARSE_ERRORS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^the following arguments are required: (?P<names>.*)$"), "cli.error.required"),
    (re.compile(r"^unrecognized arguments: (?P<names>.*)$"), "cli.error.unrecognized"),
    (
        re.compile(
            r"^argument (?P<argument>\S+): invalid choice: (?P<value>.*?) "
            r"\(choose from (?P<choices>.*)\)$"
        ),
        "cli.error.invalid_choice",
    ),
    (
        re.compile(r"^argument (?P<argument>\S+): invalid (?P<type>\w+) value: (?P<value>.*)$"),
        "cli.error.invalid_value",
    ),
    (re.compile(r"^argument (?P<argument>\S+): expected one argument$"), "cli.error.expected_one"),
    (
        re.compile(r"^argument (?P<argument>\S+): expected at least one argument$"),
        "cli.error.expected_some",
    ),
    (
        re.compile(r"^argument (?P<argument>\S+): not allowed with argument (?P<other>\S+)$"),
        "cli.error.not_allowed_with",
    ),
    (
        re.compile(r"^ambiguous option: (?P<option>\S+) could match (?P<matches>.*)$"),
        "cli.error.ambiguous",
    ),
)
"""argparse's English error sentences (Python 3.10–3.13) and their catalogue keys."""


def argparse_error(message: str) -> str:
    """argparse's error `message` in Chinese (unchanged when it is not one we know)."""
    for pattern, key in _ARGPARSE_ERRORS:
        found = pattern.match(message)
        if found:
            fields = found.groupdict()
            if "type" in fields:
                fields["type"] = MESSAGES.get(f"cli.type.{fields['type']}", fields["type"])
            return msg(key, **fields)
    return message


_OS_REASONS = {
    "ENOENT": "文件或文件夹不存在",
    "EACCES": "没有权限",
    "EPERM": "操作不被允许",
    "EISDIR": "这是文件夹",
    "ENOTDIR": "路径中有一项不是文件夹",
    "ENOSPC": "磁盘已满",
    "EROFS": "文件系统只读",
    "EEXIST": "文件已存在",
    "ENAMETOOLONG": "文件名太长",
    "EIO": "读写出错",
    "EBUSY": "文件正被占用",
}
"""The operating system's reasons (English `strerror`) in Chinese, by errno name."""


def os_reason(exc: OSError) -> str:
    """Why an OS call failed, in Chinese where we know the reason (else the system's words)."""
    import errno

    name = errno.errorcode.get(exc.errno or 0, "")
    return _OS_REASONS.get(name) or exc.strerror or str(exc)
