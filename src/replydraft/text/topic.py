"""Is a paragraph on the proposal's topic? Shared character bigrams, minus the generic ones.

A search score says a paragraph resembles the query; it does not say the paragraph is about the
same thing: `健全人才工作和管理机制` scores well for `加强农村道路安全管理` on 加强 and 管理 alone.
Every reply, of every unit, is full of such words (工作, 管理, 加强, 推进, 建设…), so a paragraph
is on topic only when it shares the title's *distinctive* bigrams: those left after the generic
ones are removed. Pure rules, no library statistics, so the judgement is the same for a
five-paragraph library and for a city's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

GENERIC_WORDS = (
    "关于 建议 提案 议案 意见 问题 工作 管理 服务 建设 发展 加强 加快 推进 推动 促进 提升 提高 "
    "完善 健全 优化 强化 深化 落实 实施 开展 进一步 全面 积极 持续 不断 切实 有效 相关 有关 "
    "部门 单位 机制 体系 制度 政策 措施 办法 力度 水平 能力 质量 规范 创新 改革 统筹 协调 "
    "保障 支持 重视 情况 方面 领域 重点 主要 目前 当前 今年 近年 我市 我县 我区 我省 我镇 "
    "我乡 我局 我委 我办 代表 委员 政府 人民 群众 社会 地方 全市 全县 全区 全省 高质量 "
    "加大 做好 做实 着力 大力 打造 构建 形成 实现 进行 解决 研究 组织 推广 增加 扩大 "
    "的 和 与 及 对 在 为 等 中 上 下"
).split()
"""Words every unit's replies use whatever the topic: never evidence of a shared topic."""

_HAN = re.compile(r"[\u4e00-\u9fff]+")


_GENERIC = re.compile("|".join(sorted(GENERIC_WORDS, key=len, reverse=True)))


def _bigrams(text: str) -> set[str]:
    """Bigrams of the Han runs left once generic words are cut out (so 加强工作 leaves none,
    and no bigram spans a generic word's edge: 加强农村 gives 农村, not 强农)."""
    grams: set[str] = set()
    for run in _HAN.findall(_GENERIC.sub(" ", text)):
        grams.update(run[i : i + 2] for i in range(len(run) - 1))
    return grams


@dataclass(frozen=True)
class Topic:
    """The distinctive bigrams of a title (or any short query)."""

    terms: frozenset[str]

    @classmethod
    def of(cls, text: str) -> Topic:
        return cls(frozenset(_bigrams(text)))

    def shared(self, text: str) -> int:
        """How many of the topic's distinctive bigrams `text` contains."""
        return sum(1 for term in self.terms if term in text)

    def needed(self) -> int:
        """Shared bigrams a text needs: a quarter of the topic's, at least one. A title's
        bigrams include cross-word ones (修建某村 → 建某) that no paragraph shares, so asking
        for all, or half, would refuse paragraphs an officer would call on topic."""
        return max(1, int(len(self.terms) / 4 + 0.5))

    def covers(self, text: str) -> bool:
        """True when `text` is on this topic (shares `needed()` distinctive bigrams). A topic
        with no distinctive bigram (a title made only of generic words) judges nothing."""
        if not self.terms:
            return True
        return self.shared(text) >= self.needed()
