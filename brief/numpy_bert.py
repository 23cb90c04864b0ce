"""A BERT sentence encoder in plain numpy: mean-pooled, L2-normalised embeddings without importing torch.

It runs the packaged all-MiniLM-L6-v2 weights (safetensors) with their `tokenizers` tokenizer, and matches
sentence-transformers' output for the same folder (a test compares them).
"""
from __future__ import annotations

import json
import math
import os
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Sequence

import numpy as np


def _layer_norm(x: np.ndarray, weight: np.ndarray, bias: np.ndarray, eps: float) -> np.ndarray:
    mean = x.mean(axis=-1, keepdims=True)
    centred = x - mean
    var = np.mean(centred * centred, axis=-1, keepdims=True)
    return centred / np.sqrt(var + eps) * weight + bias


def _gelu(x: np.ndarray) -> np.ndarray:
    from scipy.special import erf

    return 0.5 * x * (1.0 + erf(x / math.sqrt(2.0)))


class _Layer:
    """One transformer layer's weights, transposed once for `x @ w` and with Q, K and V fused."""

    def __init__(self, w: dict[str, np.ndarray], prefix: str):
        attn = prefix + "attention."
        self.qkv_w = np.concatenate(
            [w[f"{attn}self.{name}.weight"].T for name in ("query", "key", "value")], axis=1
        ).copy()
        self.qkv_b = np.concatenate([w[f"{attn}self.{name}.bias"] for name in ("query", "key", "value")])
        self.out_w = w[attn + "output.dense.weight"].T.copy()
        self.out_b = w[attn + "output.dense.bias"]
        self.ln1 = (w[attn + "output.LayerNorm.weight"], w[attn + "output.LayerNorm.bias"])
        self.inter_w = w[prefix + "intermediate.dense.weight"].T.copy()
        self.inter_b = w[prefix + "intermediate.dense.bias"]
        self.ffn_w = w[prefix + "output.dense.weight"].T.copy()
        self.ffn_b = w[prefix + "output.dense.bias"]
        self.ln2 = (w[prefix + "output.LayerNorm.weight"], w[prefix + "output.LayerNorm.bias"])


class NumpyBertEncoder:
    """Sentence embeddings from a BERT-family folder (config.json, model.safetensors, tokenizer.json)."""

    def __init__(self, model_dir: Path, max_tokens: int = 256, batch_size: int = 32):
        from safetensors.numpy import load_file
        from tokenizers import Tokenizer

        config = json.loads((model_dir / "config.json").read_text(encoding="utf-8"))
        self.heads = int(config["num_attention_heads"])
        self.eps = float(config.get("layer_norm_eps", 1e-12))
        self.batch_size = batch_size
        self.workers = max(1, min(4, os.cpu_count() or 1))
        self.tokenizer = Tokenizer.from_file(str(model_dir / "tokenizer.json"))
        self.tokenizer.no_padding()
        self.tokenizer.enable_truncation(max_length=min(max_tokens, int(config["max_position_embeddings"])))
        weights = load_file(str(model_dir / "model.safetensors"))
        weights = {k.removeprefix("bert."): v.astype(np.float32) for k, v in weights.items()}
        self.word = weights["embeddings.word_embeddings.weight"]
        self.position = weights["embeddings.position_embeddings.weight"]
        self.token_type = weights["embeddings.token_type_embeddings.weight"][0]
        self.ln_embed = (weights["embeddings.LayerNorm.weight"], weights["embeddings.LayerNorm.bias"])
        self.layers = [
            _Layer(weights, f"encoder.layer.{i}.") for i in range(int(config["num_hidden_layers"]))
        ]
        self.dimension = int(config["hidden_size"])

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Embed texts in batches of similar length (less padding); rows come back in input order."""
        from threadpoolctl import threadpool_limits

        encodings = self.tokenizer.encode_batch(list(texts))
        ids = [e.ids for e in encodings]
        order = sorted(range(len(ids)), key=lambda i: (len(ids[i]), i))
        chunks = [order[start:start + self.batch_size] for start in range(0, len(order), self.batch_size)]
        out = np.zeros((len(ids), self.dimension), dtype=np.float32)

        def run(chunk: list[int]) -> None:
            out[chunk] = self._encode_batch([ids[i] for i in chunk])

        # Single-threaded BLAS in each of `workers` threads: numpy releases the GIL in BLAS and ufuncs, and
        # multi-threaded BLAS on the many small per-head matrices is slow and erratic on a busy machine.
        with threadpool_limits(1), ThreadPoolExecutor(max_workers=self.workers) as pool:
            list(pool.map(run, chunks))
        return out

    def _encode_batch(self, batch_ids: list[list[int]]) -> np.ndarray:
        length = max(len(ids) for ids in batch_ids)
        tokens = np.zeros((len(batch_ids), length), dtype=np.int64)
        mask = np.zeros((len(batch_ids), length), dtype=np.float32)
        for row, ids in enumerate(batch_ids):
            tokens[row, :len(ids)] = ids
            mask[row, :len(ids)] = 1.0
        x = self.word[tokens] + self.position[:length] + self.token_type
        x = _layer_norm(x, *self.ln_embed, self.eps)
        additive_mask = ((1.0 - mask) * np.finfo(np.float32).min)[:, None, None, :]
        for layer in self.layers:
            x = self._layer(layer, x, additive_mask)
        pooled = (x * mask[:, :, None]).sum(axis=1) / np.maximum(mask.sum(axis=1, keepdims=True), 1e-9)
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        return pooled / np.maximum(norms, 1e-12)

    def _layer(self, layer: _Layer, x: np.ndarray, additive_mask: np.ndarray) -> np.ndarray:
        batch, length, hidden = x.shape
        head_dim = hidden // self.heads
        qkv = x.reshape(-1, hidden) @ layer.qkv_w + layer.qkv_b
        # Contiguous per-head blocks: numpy's matmul only uses BLAS on contiguous stacks.
        qkv = np.ascontiguousarray(qkv.reshape(batch, length, 3, self.heads, head_dim).transpose(2, 0, 3, 1, 4))
        q, k, v = qkv[0], qkv[1], qkv[2]
        scores = (q @ np.ascontiguousarray(k.transpose(0, 1, 3, 2))) / math.sqrt(head_dim) + additive_mask
        scores -= scores.max(axis=-1, keepdims=True)
        probs = np.exp(scores)
        probs /= probs.sum(axis=-1, keepdims=True)
        context = (probs @ v).transpose(0, 2, 1, 3).reshape(-1, hidden)
        x = x.reshape(-1, hidden)
        x = _layer_norm(context @ layer.out_w + layer.out_b + x, *layer.ln1, self.eps)
        hidden_states = _gelu(x @ layer.inter_w + layer.inter_b)
        x = _layer_norm(hidden_states @ layer.ffn_w + layer.ffn_b + x, *layer.ln2, self.eps)
        return x.reshape(batch, length, hidden)
