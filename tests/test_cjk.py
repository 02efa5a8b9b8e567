"""Scripts without spaces or capitals: Japanese, Chinese and Korean get sentence, prose and
headline tests that do not rely on capitals or spaces, and are told apart by detection."""
from __future__ import annotations

import pytest

from cleaner import Category, clean
from cleaner.features import line_features
from cleaner.lexicon import matcher_for
from cleaner.model import Block

JA = {
    "title": "新型路面電車、2027年に導入へ　東京都",
    "body": ["東京都は2日、新型の路面電車を2027年から導入すると発表した。都内の交通渋滞を緩和するための計画の一環である。",
             "新しい車両は従来の車両よりも静かで、エネルギー消費も少ないという。都の担当者は「利用者の利便性が大きく向上する」と述べた。",
             "車両の製造は都内の企業が担い、最初の10編成は2026年末までに納入される予定だ。運賃は現在のバスと同じ水準に据え置く。"],
    "tail": ["関連記事", "都営バス、深夜便を拡充", "東京メトロ、新駅の設計案を公表", "臨海部の再開発計画が始動"],
}
ZH = {
    "title": "北京将于2027年引进新型有轨电车",
    "body": ["北京市2日宣布，将从2027年起引进新型有轨电车。这是缓解市内交通拥堵计划的一部分，首批车辆将在东部城区投入运营。",
             "新车辆比旧车辆更安静，能耗也更低。市交通委员会的负责人表示，乘客的出行将更加方便，票价与现有公交车保持一致。",
             "首批十列车辆由本地企业制造，预计在2026年底前交付。市政府还计划在沿线新建三个换乘站，方便市民出行。"],
    "tail": ["相关阅读", "分享到", "责任编辑：王小明"],
}
KO = {
    "title": "서울시, 2027년부터 새 노면전차 도입",
    "body": ["서울시는 2일 새로운 노면전차를 2027년부터 도입한다고 발표했다. 도심 교통 혼잡을 완화하기 위한 계획의 일환이다.",
             "새 차량은 기존 차량보다 조용하고 에너지 소비도 적다고 한다. 시 관계자는 시민들의 이동이 훨씬 편리해질 것이라고 말했다.",
             "첫 차량 열 편성은 서울의 기업이 제작하며 2026년 말까지 납품될 예정이다. 요금은 현재 버스와 같은 수준으로 유지된다."],
    "tail": ["관련기사", "공유하기", "무단전재 및 재배포 금지"],
}


@pytest.mark.parametrize(("lang", "doc"), [("ja", JA), ("zh", ZH), ("ko", KO)])
def test_headline_body_and_tail_without_capitals_or_spaces(lang, doc):
    text = "\n\n".join([doc["title"], *doc["body"], *doc["tail"]])
    result = clean(text)
    assert result.language == lang  # told apart by detection, not given
    assert result.title == doc["title"]
    assert result.paragraphs == doc["body"]
    assert {r.category for r in result.removed} >= {Category.TITLE}


def test_sentence_ends_and_lengths_of_wide_scripts():
    matcher = matcher_for(("ja", "en"))
    sentence = line_features(Block(0, JA["body"][0], 1, 0), matcher)
    assert sentence.terminal and sentence.prose  # 。 ends a sentence; 54 characters are prose
    assert sentence.words >= 15  # a run of kanji and kana is many words
    headline = line_features(Block(0, JA["title"], 1, 0), matcher)
    assert headline.headline_like and not headline.terminal  # no capitals needed
    quoted = line_features(Block(0, "担当者は「便利になる」と述べた。", 1, 0), matcher)
    assert quoted.terminal
    # Latin text is measured as before
    latin = line_features(Block(0, "Ferry to run twice a day", 1, 0), matcher)
    assert latin.length == len("Ferry to run twice a day") and latin.words == 6


def test_a_cjk_body_paragraph_that_mentions_a_label_stays():
    """A label word inside a sentence is not the label: exact labels only match whole lines."""
    text = "\n\n".join([JA["body"][0], "記者会見では関連記事の扱いについても質問が出たが、担当者は回答を控えた。", JA["body"][1]])
    result = clean(text)
    assert len(result.paragraphs) == 3


def test_line_length_counts_wide_characters_twice_and_nothing_else():
    """Curly quotes and dashes (above U+1100, not wide) count once; kana, kanji, hangul and
    fullwidth forms twice."""
    from cleaner.features import line_length

    assert line_length("It’s a “test” — isn’t it…") == len("It’s a “test” — isn’t it…")
    assert line_length("Café, naïve") == len("Café, naïve")
    assert line_length("東京都") == 6 and line_length("서울 시") == 7 and line_length("ＡＢ") == 4
    assert line_length("Tokyo 東京 ’") == len("Tokyo 東京 ’") + 2
