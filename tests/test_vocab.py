"""The vocabulary's trailing fillers: words of the label stay."""
from linter.vocab import default_vocabulary


def test_fillers_are_stripped():
    v = default_vocabulary()
    assert v.strip_fillers("项目资金共计") == "项目资金"
    assert v.strip_fillers("支出金额为") == "支出金额"
    assert v.strip_fillers("资金计") == "资金"  # 计 as counting to


def test_ji_of_a_word_stays():
    v = default_vocabulary()
    assert v.strip_fillers("项目资金累计完成") == "项目资金累计"
    assert v.strip_fillers("普查经费审计") == "普查经费审计"
    assert v.strip_fillers("全年预计") == "全年预计"


def test_da_of_a_word_stays():
    v = default_vocabulary()
    assert v.strip_fillers("共下达") == "共下达"
    assert v.strip_fillers("文件送达") == "文件送达"
    assert v.strip_fillers("覆盖率达") == "覆盖率"  # 达 as reaching
    assert v.strip_fillers("全年支出达到") == "全年支出"


def test_yue_of_a_word_stays():
    v = default_vocabulary()
    assert v.strip_fillers("已签约") == "已签约"
    assert v.strip_fillers("节约") == "节约"
    assert v.strip_fillers("参训人数约") == "参训人数"  # 约 as about
