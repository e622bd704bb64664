"""Exercises: a starter map for students, and grading their maps against the teacher's key.

- :mod:`~argmap.exercise.starter`: the key without its claims and links (what students
  start from);
- :mod:`~argmap.exercise.numbering`: paragraph and sentence numbers of an article, shared
  by the printed worksheet and the feedback pages, so both name a passage the same way;
- :mod:`~argmap.exercise.matching`: which student claim is which key claim (quote
  overlap in the same article, with a documented tolerance) and which links match;
- :mod:`~argmap.exercise.grade`: one student's figures, the class summary, reading the
  students' files (each failure is one line; the others are still graded);
- :mod:`~argmap.exercise.feedback`: the gradebook CSV, and feedback pages in Markdown.

Qt-free; the ``argmap exercise`` and ``argmap grade`` commands and the app's key overlay
wrap it.
"""
