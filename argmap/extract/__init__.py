"""From article files to proposed argument maps (Qt-free).

The pipeline, one module per step so each can be tested and replaced on its own:

- :mod:`~argmap.extract.reading`: files in (size, kind, encoding), saved pages reduced to
  their text and markup metadata;
- :mod:`~argmap.extract.clean`: web noise out, every article sentence kept;
  :mod:`~argmap.extract.furniture`: captions, corrections, plugs and notes;
  :mod:`~argmap.extract.byline`: bylines and author bios;
- :mod:`~argmap.extract.metadata`: title, authors, date, outlet where the text gives them;
- :mod:`~argmap.extract.split`: concatenated articles and roundup items apart, off-topic
  items marked;
- :mod:`~argmap.extract.segment`: sentences and clauses with exact offsets (rules for
  news copy behind an interface of ours);
- :mod:`~argmap.extract.cues` and :mod:`~argmap.extract.propose`: kinds, confidences,
  reasons and links inside an article; :mod:`~argmap.extract.cross`: links across authors;
- :mod:`~argmap.extract.build`: files to map objects and one undoable edit;
  :mod:`~argmap.extract.authors`: author entries (joint for co-authors, stand-ins);
- :mod:`~argmap.extract.evaluate`: the figures against annotated data.

Import the submodules directly; this package imports nothing heavy on its own.
"""
