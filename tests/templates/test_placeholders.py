import pytest

from quizgen.templates import PlaceholderError, names, render


def test_names_and_render():
    text = "Siapa {role_np}? {{bukan {name}}}"
    assert names(text) == ["role_np", "name"]
    assert render(text, {"role_np": "Presiden Chile", "name": "x"}) == \
        "Siapa Presiden Chile? {bukan x}"


@pytest.mark.parametrize("bad", ["{speaker.__class__}", "{x[0]}", "{0}", "{}", "{a.b}",
                                 "{speaker!r}", "{speaker:>10}", "{Speaker}", "a } b", "{ a }"])
def test_only_plain_names_are_placeholders(bad):
    with pytest.raises(PlaceholderError):
        names(bad)


def test_values_are_inserted_verbatim_never_formatted():
    # a value that looks like a placeholder or format spec stays text
    assert render("{quote}", {"quote": "{speaker.__class__} 100%"}) == \
        "{speaker.__class__} 100%"


@pytest.mark.parametrize(("text", "expected"), [
    ("{{{x}}} and }}{{", "{X {y}} and }{"), ("q {x}{z}.", "q X {y}Z."), ("", ""),
    ("plain", "plain"), ("a {{b}} {z}}}", "a {b} Z}"),
])
def test_braces_and_names_render_from_the_parsed_text(text, expected):
    for _ in range(2):  # the second time from the cached parse
        assert render(text, {"x": "X {y}", "z": "Z"}) == expected


def test_a_stray_brace_renders_no_value():
    with pytest.raises(KeyError):
        render("a { b", {})


def test_quoted_names_the_placeholders_between_double_quotation_marks():
    from quizgen.templates import quoted

    assert quoted('Lengkapi kalimat berikut: "{cloze}"') == {"cloze"}
    assert quoted("Who said “{quote}” to {speaker}?") == {"quote"}
    assert quoted("According to {article}, what is {name}'s role?") == set()
    assert quoted('"{a}" and {b} and "x {c} y"') == {"a", "c"}
