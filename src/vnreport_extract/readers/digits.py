"""Handwritten digits: the number and day that an office writes by hand on a signed paper.

Tesseract reads print; on a handwritten ``1462`` or ``18`` it gives nothing, or digits that
are wrong with a confidence that looks right (``426`` for ``126``). This module cuts the
field's crop into characters (its connected pieces of ink, those over the same columns taken
together) and reads each with two small networks trained on handwritten digits (MNIST): a
perceptron (``scripts/train_digits.py``, weights in ``data/digits.npz``) and a convolutional
network (``scripts/train_digits_cnn.py``, ``data/digits_cnn.npz``); see ``data/PROVENANCE.md``.
A character's probability is the mean of the two networks' probabilities when both read the
same digit, else the smaller of them, and the field's confidence is the least of its
characters': where the two disagree (a ``14`` written as one stroke, a ``1`` with a long
lead-in) the reading is not sure, unless the field's range decides between them (no day is
48: see :func:`read_handwritten`). The caller (``readers.ocr``)
keeps a reading when Tesseract read the same digits, or when it is confident and as long as
Tesseract's; a field cut by the crop's side reads nothing.

Only NumPy and Pillow are used; the weights (400 KB) load on the first handwritten field.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from importlib import resources
from itertools import product
from typing import Any, NamedTuple


class HandReading(NamedTuple):
    """Digits read from a field, and the least probability of any of them (0–1)."""

    text: str
    confidence: float


def _load(name: str) -> dict[str, Any]:
    import numpy as np

    with resources.files(__package__).joinpath("data", name).open("rb") as f:
        data = np.load(f)
        return {k: data[k].astype(np.float32) for k in data.files}


@cache
def _model() -> dict[str, Any]:
    """The perceptron: 784 → 192 → 10."""
    return _load("digits.npz")


@cache
def _cnn_model() -> dict[str, Any]:
    """The convolutional network: 5 x 5 convolutions of 16 and 32 filters, each with a 2 x 2
    max-pool, then 1568 → 64 → 10 (as ``scripts/train_digits_cnn.py`` builds it in PyTorch)."""
    return _load("digits_cnn.npz")


def _softmax(logits: Any) -> Any:
    import numpy as np

    p = np.exp(logits - logits.max(axis=1, keepdims=True))
    return p / p.sum(axis=1, keepdims=True)


def _conv(x: Any, weight: Any, bias: Any) -> Any:
    """A convolution with 'same' padding, as PyTorch's ``Conv2d`` computes it (a correlation):
    ``x`` is (images, channels, height, width), ``weight`` (filters, channels, k, k)."""
    import numpy as np
    from numpy.lib.stride_tricks import sliding_window_view

    k = weight.shape[-1]
    padded = np.pad(x, ((0, 0), (0, 0), (k // 2, k // 2), (k // 2, k // 2)))
    windows = sliding_window_view(padded, (k, k), axis=(2, 3))  # images, channels, h, w, k, k
    return np.tensordot(windows, weight, axes=([1, 4, 5], [1, 2, 3])).transpose(0, 3, 1, 2) \
        + bias[None, :, None, None]


def _pool(x: Any) -> Any:
    n, c, h, w = x.shape
    return x.reshape(n, c, h // 2, 2, w // 2, 2).max(axis=(3, 5))


def _cnn_probabilities(images: Any) -> Any:
    import numpy as np

    m = _cnn_model()
    x = images.reshape(-1, 1, 28, 28)
    x = _pool(np.maximum(_conv(x, m["c1_weight"], m["c1_bias"]), 0))
    x = _pool(np.maximum(_conv(x, m["c2_weight"], m["c2_bias"]), 0))
    hidden = np.maximum(x.reshape(len(x), -1) @ m["f1_weight"].T + m["f1_bias"], 0)
    return _softmax(hidden @ m["f2_weight"].T + m["f2_bias"])


def _perceptron_probabilities(images: Any) -> Any:
    import numpy as np

    m = _model()
    hidden = np.maximum(images.reshape(len(images), -1) @ m["w1"] + m["b1"], 0)
    return _softmax(hidden @ m["w2"] + m["b2"])


# A character shorter than this share of the field's tallest one is a dot, a comma or the
# end of a dotted leader (``…404/``), not a digit.
_MIN_HEIGHT = 0.55
# A field's crop is the label's line with a margin above and below: a digit fills a good share
# of its height.
_MIN_SHARE_OF_FIELD = 0.3
# Wider than this share of its height: two digits written together (``11`` as an ``M``), which
# a reading of one would take for one digit.
_MAX_ASPECT = 0.95
# A piece touching the crop's side this tall (a share of the tallest piece) cuts the reading short.
_EDGE_PIECE = 0.25
# A piece of ink over another's columns is part of the same character (a ``5`` whose bar the
# pen lifted from) when it is shorter than this share of it.
_PART_HEIGHT = 0.6
# A column or row inked over nearly all its length is a scanner's line or an underline.
_LINE_SHARE = 0.85


def ink_of(grey: Any) -> Any:
    """Dark pixels of a greyscale crop, with the scanner's lines and rules through it cleared."""
    import numpy as np

    ink = grey < 140
    height, width = ink.shape
    if height == 0 or width == 0:
        return ink
    ink[:, ink.mean(axis=0) >= _LINE_SHARE] = False
    ink[ink.mean(axis=1) >= _LINE_SHARE, :] = False
    return np.asarray(ink)


def _components(ink: Any) -> list[tuple[int, int, int, int, int]]:
    """The 8-connected pieces of ink: (left, top, right, bottom, pixels); right and bottom excluded.
    A field is a few thousand pixels: a walk over them in Python is quick enough."""
    import numpy as np

    todo = set(zip(*(a.tolist() for a in np.nonzero(ink)), strict=True))
    out = []
    while todo:
        stack = [todo.pop()]
        ys, xs = [], []
        while stack:
            y, x = stack.pop()
            ys.append(y)
            xs.append(x)
            for dy in (-1, 0, 1):
                for dx in (-1, 0, 1):
                    q = (y + dy, x + dx)
                    if q in todo:
                        todo.remove(q)
                        stack.append(q)
        out.append((min(xs), min(ys), max(xs) + 1, max(ys) + 1, len(ys)))
    return out


def _merged(ink: Any) -> list[list[int]]:
    """The field's pieces of ink, those over the same columns taken together, left to right."""
    pieces = sorted(_components(ink))
    merged: list[list[int]] = []
    for left, top, right, bottom, _ in pieces:
        last = merged[-1] if merged else None
        # Two characters of full height may share columns (italic ``05``): never one character.
        if last is not None and min(right, last[2]) - max(left, last[0]) >= 0.5 * min(right - left, last[2] - last[0]) \
                and min(bottom - top, last[3] - last[1]) < _PART_HEIGHT * max(bottom - top, last[3] - last[1]):
            last[:] = [min(left, last[0]), min(top, last[1]), max(right, last[2]), max(bottom, last[3])]
        else:
            merged.append([left, top, right, bottom])
    return merged


def _sides(merged: list[list[int]], width: int) -> tuple[bool, bool, int]:
    """Whether a piece as tall as a character's part touches the crop's left side, its right
    side, and how many such pieces there are."""
    if not merged:
        return False, False, 0
    tallest = max(b[3] - b[1] for b in merged)
    tall = [b for b in merged if b[3] - b[1] >= _EDGE_PIECE * tallest]
    return any(b[0] == 0 for b in tall), any(b[2] == width for b in tall), len(tall)


def sides_touched(grey: Any) -> tuple[bool, bool, int]:
    """:func:`_sides` of a field's crop (a greyscale array)."""
    ink = ink_of(grey)
    return _sides(_merged(ink), ink.shape[1])


def characters(ink: Any) -> list[tuple[int, int, int, int]] | None:
    """The boxes (left, top, right, bottom; right and bottom excluded) of the characters of a
    field's ink, left to right: pieces of ink over the same columns are one character (a ``5``
    whose bar the pen lifted from); dots, commas and the specks of a dotted leader are left out."""
    merged = _merged(ink)
    if not merged:
        return []
    tallest = max(b[3] - b[1] for b in merged)
    # A piece cut by the crop's side (the field written against its label or the symbol) may be
    # part of a digit or of the word beside it, and what is left of a digit may look like a dot:
    # the digits cannot be told (readers.ocr widens a crop touched on its left only).
    left, right, _ = _sides(merged, ink.shape[1])
    if left or right:
        return None
    # Relative to the crop too: the specks of a blank field's dotted leader are all alike.
    least = max(_MIN_HEIGHT * tallest, _MIN_SHARE_OF_FIELD * ink.shape[0])
    return [(b[0], b[1], b[2], b[3]) for b in merged if b[3] - b[1] >= least]


def _mnist_image(ink: Any) -> Any:
    """One character's ink as the network was trained to see it: fitted into 20 x 20 pixels,
    its aspect kept, centred by its mass in 28 x 28, white on black in 0–1."""
    import numpy as np
    from PIL import Image

    height, width = ink.shape
    scale = 20 / max(height, width)
    size = (max(1, round(width * scale)), max(1, round(height * scale)))
    small = np.asarray(Image.fromarray(ink.astype(np.uint8) * 255).resize(size, Image.Resampling.LANCZOS),
                       dtype=np.float32) / 255
    small = np.clip(small, 0, 1)
    total = small.sum()
    if total == 0:
        return np.zeros((28, 28), np.float32)
    ys, xs = np.indices(small.shape)
    cy, cx = (ys * small).sum() / total, (xs * small).sum() / total
    top = round(float(14 - cy))
    left = round(float(14 - cx))
    top = min(max(top, 0), 28 - small.shape[0])
    left = min(max(left, 0), 28 - small.shape[1])
    out = np.zeros((28, 28), np.float32)
    out[top:top + small.shape[0], left:left + small.shape[1]] = small
    return out


def read_handwritten(grey: Any, valid: Callable[[str], bool] | None = None) -> HandReading | None:
    """The digits written in a field's crop (a NumPy ``uint8`` greyscale array), or ``None``
    when there is no character in it or two of them run together.

    ``valid`` says which readings the field can hold (a day is 1 to 31, a month 1 to 12): when
    it rules some out, the reading is the likeliest of those it allows (see :func:`_in_range`).

    >>> import numpy as np
    >>> read_handwritten(np.full((40, 60), 255, dtype=np.uint8)) is None
    True
    """
    import numpy as np

    ink = ink_of(grey)
    boxes = characters(ink)
    if not boxes:
        return None
    ranged = valid if len(boxes) <= _MAX_RANGED else None
    # A character as wide as two digits may be two run together, unless the field cannot hold
    # one digit more (the 1 of a month's 10, with a long lead-in: no month has three digits).
    # Such a character is read only as the range decides.
    wide = any((b[2] - b[0]) > _MAX_ASPECT * (b[3] - b[1]) for b in boxes)
    if wide and (ranged is None or _any_valid(ranged, len(boxes) + 1)):
        return None
    images = np.stack([_mnist_image(ink[b[1]:b[3], b[0]:b[2]]) for b in boxes])
    first, second = _perceptron_probabilities(images), _cnn_probabilities(images)
    if ranged is not None:
        within = _in_range(first, second, ranged)
        if within is not None or wide:
            return within
    digits = (first + second).argmax(axis=1)
    rows = np.arange(len(digits))
    # A character the two networks read alike is as sure as their mean; one they read apart
    # only as sure as the less sure of them.
    agree = first.argmax(axis=1) == second.argmax(axis=1)
    sure = np.where(agree, (first[rows, digits] + second[rows, digits]) / 2,
                    np.minimum(first[rows, digits], second[rows, digits]))
    return HandReading("".join(str(int(d)) for d in digits), float(sure.min()))


# Fields of at most this many characters are read within their range (10 ** n readings).
_MAX_RANGED = 2
# A network that gives all the readings a field can hold less than this probability together
# reads something else there (a stray mark, a digit lost): the range is not to decide against
# it. (On the real fields of fixtures/handwriting the least such share is 0.10: cv-3980's looped
# 2, which the perceptron reads as a 6.)
_LEAST_IN_RANGE = 0.05


def _any_valid(valid: Callable[[str], bool], n: int) -> bool:
    """Whether a field can hold any reading of ``n`` digits."""
    return any(valid("".join(p)) for p in product("0123456789", repeat=n))


def _in_range(first: Any, second: Any, valid: Callable[[str], bool]) -> HandReading | None:
    """The reading of a field whose range is known, from each network's probabilities of each
    character's digits (``first``, ``second``: characters x 10): each network's probability of
    every reading the field can hold, those it cannot hold left out. A day's first digit is 0 to
    3: where one network reads the ``1`` of a handwritten ``18`` as a ``4`` and the other as a
    ``1``, the range decides for the ``1``, and the reading is as sure as the networks are of it
    among the days. Each digit of the reading must be one network's own reading of its character:
    where both read a digit the range rules out, the crop is not what it seemed (a stray mark, two
    digits run together) and the range decides nothing; nor does it where either network gives
    all the field's readings together less than :data:`_LEAST_IN_RANGE`.

    ``None`` when the range decides nothing, or rules out no reading of this many characters (a
    document number): the networks' own readings stand."""
    import numpy as np

    n = len(first)
    readings = ["".join(p) for p in product("0123456789", repeat=n)]
    allowed = [r for r in readings if valid(r)]
    if not allowed or len(allowed) == len(readings):
        return None
    digits = np.array([[int(c) for c in r] for r in allowed])
    positions = np.arange(n)
    # Each network's probability of each allowed reading, then among the allowed readings only.
    likely = [p[positions, digits].prod(axis=1) for p in (first, second)]
    if any(lk.sum() < _LEAST_IN_RANGE for lk in likely):
        return None
    a, b = (lk / lk.sum() for lk in likely)
    best = int((a + b).argmax())
    reading = allowed[best]
    own = [{int(first[i].argmax()), int(second[i].argmax())} for i in range(n)]
    if any(int(c) not in own[i] for i, c in enumerate(reading)):
        return None
    sure = (a[best] + b[best]) / 2 if a.argmax() == b.argmax() == best else min(a[best], b[best])
    return HandReading(reading, float(sure))
