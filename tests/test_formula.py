"""The formula grammar and evaluator (linter/formula.py, grammar/formula.lark)."""
from decimal import Decimal

from lark import Lark

from linter.formula import find_formulas
from linter.normalise import Paragraph


def para(text):
    return Paragraph(0, text, tuple(range(len(text) + 1)))


def test_formula_grammar_has_no_collisions():
    Lark.open_from_package("linter.grammar", "formula.lark", parser="lalr", lexer="contextual", strict=True)


def test_a_difference_rate_is_found_and_evaluated():
    (f,) = find_formulas(para("差异率=(412.30万元-450.00万元)/450.00万元*100%=8.38%。"))
    assert f.label == "差异率" and f.absolute
    expr, result = f.parts
    assert expr.text == "(412.30万元-450.00万元)/450.00万元*100%"
    assert round(expr.point, 6) == Decimal("-0.083778")
    assert result.plain and result.unit == "%" and result.point == Decimal("0.0838")


def test_whole_numbers_are_exact_and_decimals_are_intervals():
    (f,) = find_formulas(para("得分=(20*11+18*3+15)/15=19.27分"))
    assert f.parts[0].value.lo == f.parts[0].value.hi
    (g,) = find_formulas(para("合计=1.5+2.25=3.75"))
    assert g.parts[0].value.hi - g.parts[0].value.lo == Decimal("0.110")


def test_assignments_and_formulas_in_words_are_not_formulas():
    assert find_formulas(para("优=95，良=85")) == ()
    assert find_formulas(para("支出率=实际支出/预算数×100%")) == ()
    assert find_formulas(para("合同签订及时率=100%，得1.5分")) == ()


def test_a_malformed_expression_keeps_its_place():
    (f,) = find_formulas(para("得分=(20*13++18*2+10)/16=19.13分"))
    assert f.parts[0].error == len("得分=(20*13+") and f.parts[0].error_text == "token"
