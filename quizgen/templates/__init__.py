"""Question templates: YAML that users edit, validated strictly, rendered without code."""

from quizgen.templates.loader import (
    Template,
    TemplateSet,
    builtin_path,
    builtin_text,
    language_name,
    load_builtin,
    load_templates,
)
from quizgen.templates.placeholders import PlaceholderError, names, quoted, render

__all__ = ["PlaceholderError", "Template", "TemplateSet", "builtin_path", "builtin_text",
           "language_name", "load_builtin", "load_templates", "names", "quoted", "render"]
