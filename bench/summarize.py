"""Benchmark: brief's default seq2seq path against plain transformers, measured in one run.

Models: random weights of the real shapes (google/flan-t5-base; sshleifer/distilbart-cnn-12-6: d_model 1024,
12 encoder / 6 decoder layers, vocabulary 50264) with tokenizers trained here on the benchmark's own text and padded
to the real vocabulary sizes. Output length is fixed (min_new_tokens = max_new_tokens) so every path writes the same
number of tokens. The briefing: 8 stories x 4 articles of about 600 words.

Rows, each measured in its own process (so each peak RSS is its own):
- baseline: what a user would write with plain transformers: each article summarised separately, fp32, beam 4,
  batch 1, input truncated to the model's maximum (512 / 1024 tokens);
- plain fp32 on brief's inputs: the very prompts brief generates from (summaries and headlines), same beams and
  output lengths, plain transformers fp32 generate one at a time;
- brief default: Seq2SeqSummarizer with the default Settings (CTranslate2 int8, beam 4, 512-token input budget),
  the whole briefing end to end from cold caches, in two parts: salience (sentence embeddings) and input assembly,
  then `summarize` (model load, generation, citation checks); the one-off CTranslate2 conversion is timed apart.
Ratios: baseline / brief's whole briefing (bar >= 10x); plain fp32 on brief's inputs (load + generate) / brief's
load + generate (bar >= 3x, the same work on the same inputs).
The two plain-transformers rows time a sample (--sample items of each kind) and extrapolate per item; the model
load is timed once and added. Usage: python bench/summarize.py [--shapes NAME...] [--new-tokens 96] [--sample 3]
"""
from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

STORIES, ARTICLES, WORDS = 8, 4, 600
SHAPES = ("flan-t5-base", "distilbart-cnn-12-6")

TOPICS = [
    ("harbour bridge", "engineers", "cracks", "Port Ellery"), ("city budget", "councillors", "cuts", "Calder"),
    ("drone attack", "officials", "drones", "the capital"), ("factory fire", "firefighters", "flames", "Dunmore"),
    ("rail strike", "unions", "trains", "Northline"), ("flood warning", "forecasters", "rivers", "the valley"),
    ("school closure", "teachers", "classrooms", "Westbrook"), ("vaccine rollout", "doctors", "doses", "the region"),
]
SUBJECTS = ["{Actor}", "The mayor of {place}", "A government minister", "Residents of {place}", "The police",
            "An independent expert", "Opposition leaders", "The regional governor", "A local business owner",
            "Emergency services", "Several witnesses", "The national weather office", "A hospital spokesperson",
            "The transport authority", "Union representatives", "A court in {place}", "Insurance companies",
            "The interior ministry", "Volunteers from nearby towns", "Journalists at the scene"]
VERBS = ["said on {day} that", "warned late on {day} that", "told reporters that", "confirmed in a statement that",
         "estimated that", "denied claims that", "argued in a letter that", "announced on {day} that",
         "questioned whether", "admitted that", "insisted that", "reported overnight that"]
CLAUSES = ["the {topic} had affected at least {n} households", "{n} {things} were recorded across {place}",
           "repairs after the {topic} would cost about {n} million dollars", "the {topic} began shortly after dawn",
           "inspectors had raised concerns about the {topic} {n} months earlier", "nobody had been told to leave",
           "the response to the {topic} had been slower than promised", "{n} people were taken to hospital",
           "new rules would follow once the inquiry into the {topic} ended", "roads near {place} stayed closed",
           "the {things} were first noticed by a night-shift worker", "compensation would be paid within weeks",
           "the {topic} was the worst in {n} years", "a second meeting was planned for next week",
           "more than {n} {things} had been checked by Friday", "the budget for the {topic} had been cut twice",
           "the airport at {place} reopened after {n} hours", "schools would stay shut until further notice",
           "the army had sent {n} trucks of supplies", "the {topic} exposed problems ignored for a decade"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def make_briefing(seed: int = 7) -> list[list[dict]]:
    """8 stories of 4 articles (about 600 words each) as [{"outlet", "title", "text"}], varied sentences."""
    rng = random.Random(seed)
    stories = []
    for topic, actor, things, place in TOPICS[:STORIES]:
        articles = []
        for a in range(ARTICLES):
            sentences, count = [], 0
            while count < WORDS:
                sentence = f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(CLAUSES)}.".format(
                    topic=topic, Actor=actor.capitalize(), things=things, place=place, day=rng.choice(DAYS),
                    n=rng.randint(2, 400))
                sentences.append(sentence)
                count += len(sentence.split())
            articles.append({"outlet": f"Outlet {a + 1}", "title": f"{place}: {topic} latest, report {a + 1}",
                             "text": "\n".join(" ".join(sentences[i:i + 3]) for i in range(0, len(sentences), 3))})
        stories.append(articles)
    return stories


def corpus(stories) -> list[str]:
    return [a["text"] for story in stories for a in story]


# -- model builders (child process) ------------------------------------------------------------------------------

def build_t5(directory: Path, texts: list[str]) -> None:
    import sentencepiece
    import torch
    from transformers import T5Config, T5ForConditionalGeneration, T5Tokenizer

    prefix = directory / "sp"
    sentencepiece.SentencePieceTrainer.train(
        sentence_iterator=iter(texts), model_prefix=str(prefix), vocab_size=2000, hard_vocab_limit=False,
        pad_id=0, eos_id=1, unk_id=2, bos_id=-1, model_type="unigram", minloglevel=2)
    processor = sentencepiece.SentencePieceProcessor(model_file=str(prefix) + ".model")
    pieces = [(processor.id_to_piece(i), processor.get_score(i)) for i in range(processor.get_piece_size())]
    pieces += [(f"▁unused{i}", -100.0) for i in range(32000 - len(pieces))]  # the real 32000 + 100 sentinels
    tokenizer = T5Tokenizer(vocab=pieces, extra_ids=100, model_max_length=512)
    config = T5Config(vocab_size=32128, d_model=768, d_kv=64, d_ff=2048, num_layers=12, num_decoder_layers=12,
                      num_heads=12, feed_forward_proj="gated-gelu", tie_word_embeddings=False,
                      decoder_start_token_id=0, pad_token_id=0, eos_token_id=1)
    torch.manual_seed(0)
    model = T5ForConditionalGeneration(config)
    model.lm_head.weight = torch.nn.Parameter(torch.randn(config.vocab_size, config.d_model) * 0.05)
    model.save_pretrained(directory)
    tokenizer.save_pretrained(directory)


def build_bart(directory: Path, texts: list[str]) -> None:
    import torch
    from tokenizers import ByteLevelBPETokenizer
    from transformers import BartConfig, BartForConditionalGeneration, BartTokenizer

    bpe = ByteLevelBPETokenizer()
    bpe.train_from_iterator(texts, vocab_size=2000, special_tokens=["<s>", "<pad>", "</s>", "<unk>", "<mask>"],
                            show_progress=False)
    bpe.save_model(str(directory))
    vocab = json.loads((directory / "vocab.json").read_text())
    vocab.update({f"unused{i}": len(vocab) + i for i in range(50264 - len(vocab))})
    (directory / "vocab.json").write_text(json.dumps(vocab))
    tokenizer = BartTokenizer.from_pretrained(str(directory), model_max_length=1024)
    config = BartConfig(vocab_size=50264, d_model=1024, encoder_layers=12, decoder_layers=6,
                        encoder_attention_heads=16, decoder_attention_heads=16, encoder_ffn_dim=4096,
                        decoder_ffn_dim=4096, max_position_embeddings=1024, normalize_before=False,
                        normalize_embedding=True, pad_token_id=1, bos_token_id=0, eos_token_id=2,
                        decoder_start_token_id=2, forced_eos_token_id=2)
    torch.manual_seed(0)
    model = BartForConditionalGeneration(config)
    model.generation_config.forced_bos_token_id = 0
    model.save_pretrained(directory)
    tokenizer.save_pretrained(directory)


# -- measurements (child processes) ------------------------------------------------------------------------------

def settings_for(model_dir: Path, state: Path, new_tokens: int):
    from brief.config import Settings

    return Settings(model=str(model_dir), state_dir=state, min_new_tokens=new_tokens, max_new_tokens=new_tokens,
                    quiet=True)


def story_inputs(stories):
    from brief.summarize import StoryInput
    from brief.types import Article, Source, Story

    return [StoryInput(Story(f"s{i}", tuple(
        Source(j + 1, Article(key=f"s{i}a{j}", text=a["text"], title=a["title"], outlet=a["outlet"]))
        for j, a in enumerate(articles)))) for i, articles in enumerate(stories)]


def child_convert(model_dir: Path, state: Path, new_tokens: int, **_) -> dict:
    from brief.summarize import ct2
    from brief.summarize.loader import load_tokenizer, weights_fingerprint

    start = time.perf_counter()
    tokenizer = load_tokenizer(model_dir, model_dir.name)
    ct2.convert(model_dir, ct2.conversion_dir(state, weights_fingerprint(model_dir), "int8"), tokenizer,
                model_dir.name, "int8")
    return {"seconds": time.perf_counter() - start}


def child_brief(model_dir: Path, state: Path, new_tokens: int, stories, work: Path, **_) -> dict:
    """Cold run (no generation or embedding cache; the converted model is ready): prepare, then generate."""
    from brief.summarize.seq2seq import Seq2SeqSummarizer

    for name in ("summaries.sqlite", "embeddings.sqlite"):
        (state / name).unlink(missing_ok=True)
    inputs = story_inputs(stories)
    start = time.perf_counter()
    summarizer = Seq2SeqSummarizer(settings=settings_for(model_dir, state, new_tokens))
    plans = [summarizer.plan(s) for s in inputs]  # salience (sentence embeddings) and input assembly
    prepared = time.perf_counter()
    summaries = summarizer.summarize(inputs)  # plans again (embeddings now cached), load, generate, check
    done = time.perf_counter()
    prompts = {"summary": [p.summary.prompt for p in plans if p.summary],
               "headline": [p.headline.prompt for p in plans if p.summary and p.headline]}
    (work / f"prompts-{model_dir.name}.json").write_text(json.dumps(prompts))
    tokens = [p.summary.tokens for p in plans if p.summary]
    return {"seconds": done - start, "prepare": prepared - start, "generate": done - prepared,
            "stories": len(summaries), "summary_prompts": len(prompts["summary"]),
            "headline_prompts": len(prompts["headline"]), "mean_input_tokens": sum(tokens) / max(1, len(tokens))}


def _plain_model(model_dir: Path):
    import torch
    from transformers import AutoModelForSeq2SeqLM, AutoTokenizer

    torch.manual_seed(0)
    start = time.perf_counter()
    tokenizer = AutoTokenizer.from_pretrained(str(model_dir))
    model = AutoModelForSeq2SeqLM.from_pretrained(str(model_dir)).eval()
    return tokenizer, model, time.perf_counter() - start


def _plain_generate(tokenizer, model, text: str, new_tokens: int) -> float:
    import torch

    start = time.perf_counter()
    inputs = tokenizer(text, return_tensors="pt", truncation=True)
    with torch.inference_mode():
        model.generate(**inputs, num_beams=4, min_new_tokens=new_tokens, max_new_tokens=new_tokens)
    return time.perf_counter() - start


def child_baseline(model_dir: Path, new_tokens: int, stories, sample: int, **_) -> dict:
    tokenizer, model, load = _plain_model(model_dir)
    prefix = "summarize: " if model.config.model_type == "t5" else ""
    articles = [a["text"] for story in stories for a in story]
    times = [_plain_generate(tokenizer, model, prefix + text, new_tokens) for text in articles[:sample]]
    per_article = sum(times) / len(times)
    return {"seconds": load + per_article * len(articles), "load": load, "per_item": per_article,
            "timed": len(times), "items": len(articles)}


def child_same_inputs(model_dir: Path, new_tokens: int, work: Path, sample: int, **_) -> dict:
    from brief.summarize.seq2seq import HEADLINE_NEW_TOKENS

    prompts = json.loads((work / f"prompts-{model_dir.name}.json").read_text())
    tokenizer, model, load = _plain_model(model_dir)
    total, detail = load, {}
    for kind, tokens in (("summary", new_tokens), ("headline", HEADLINE_NEW_TOKENS)):
        if prompts[kind]:
            times = [_plain_generate(tokenizer, model, p, tokens) for p in prompts[kind][:sample]]
            total += sum(times) / len(times) * len(prompts[kind])
            detail[kind] = sum(times) / len(times)
    return {"seconds": total, "load": load, "per_item": detail}


def child_build(model_dir: Path, stories, shape: str, **_) -> dict:
    start = time.perf_counter()
    model_dir.mkdir(parents=True, exist_ok=True)
    (build_t5 if shape == "flan-t5-base" else build_bart)(model_dir, corpus(stories))
    return {"seconds": time.perf_counter() - start}


CHILDREN = {"build": child_build, "convert": child_convert, "brief": child_brief, "baseline": child_baseline,
            "same-inputs": child_same_inputs}


def run_child(role: str, shape: str, work: Path, args) -> dict:
    command = [sys.executable, __file__, "--child", role, "--shape", shape, "--work", str(work),
               "--new-tokens", str(args.new_tokens), "--sample", str(args.sample)]
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"{role} ({shape}) failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def child_main(args) -> None:
    work = Path(args.work)
    stories = json.loads((work / "stories.json").read_text())
    result = CHILDREN[args.child](model_dir=work / args.shape, state=work / f"state-{args.shape}",
                                  new_tokens=args.new_tokens, stories=stories, work=work,
                                  sample=args.sample, shape=args.shape)
    result["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(result))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shapes", nargs="+", default=list(SHAPES), choices=SHAPES)
    parser.add_argument("--new-tokens", type=int, default=96)
    parser.add_argument("--sample", type=int, default=3, help="items timed per plain-transformers row")
    parser.add_argument("--keep", help="work in this folder and keep it: built models are reused next time")
    parser.add_argument("--child")
    parser.add_argument("--shape")
    parser.add_argument("--work")
    args = parser.parse_args()
    if args.child:
        return child_main(args)

    started, load_before = time.perf_counter(), os.getloadavg()[0]
    with tempfile.TemporaryDirectory(prefix="brief-bench-") as tmp:
        work = Path(args.keep or tmp)
        work.mkdir(parents=True, exist_ok=True)
        (work / "stories.json").write_text(json.dumps(make_briefing()))
        print(f"briefing: {STORIES} stories x {ARTICLES} articles of ~{WORDS} words; output fixed at "
              f"{args.new_tokens} tokens (headlines 32); plain rows time {args.sample} items per kind and "
              "extrapolate", flush=True)
        for shape in args.shapes:
            built = run_child("build", shape, work, args) if not (work / shape / "config.json").is_file() else \
                {"seconds": 0.0}
            converted = run_child("convert", shape, work, args)
            ours = run_child("brief", shape, work, args)
            same = run_child("same-inputs", shape, work, args)
            baseline = run_child("baseline", shape, work, args)
            print(f"\n{shape} (random weights; built in {built['seconds']:.0f} s; one-off CTranslate2 int8 "
                  f"conversion {converted['seconds']:.1f} s, peak RSS {converted['peak_rss_mb']:.0f} MB)")
            print(f"  brief's inputs: {ours['summary_prompts']} summary prompts (mean {ours['mean_input_tokens']:.0f}"
                  f" tokens), {ours['headline_prompts']} headline prompts")
            rows = [("baseline: per article, transformers fp32 beam 4", baseline["seconds"], baseline),
                    ("plain fp32 beam 4 on brief's inputs (load + generate)", same["seconds"], same),
                    ("brief default, whole briefing", ours["seconds"], ours),
                    ("  of which salience + input assembly", ours["prepare"], None),
                    ("  of which load + generate + checks", ours["generate"], None)]
            for label, seconds, row in rows:
                rss = f"  peak RSS {row['peak_rss_mb']:6.0f} MB" if row else ""
                print(f"  {label:<56} {seconds:8.1f} s{rss}")
            print(f"  per-article baseline: {baseline['per_item']:.1f} s x {baseline['items']} "
                  f"(+ load {baseline['load']:.1f} s); plain on brief's inputs per prompt: "
                  + ", ".join(f"{k} {v:.1f} s" for k, v in same["per_item"].items()))
            print(f"  baseline / brief whole briefing:             {baseline['seconds'] / ours['seconds']:6.1f}x"
                  "  (bar >= 10x)")
            print(f"  plain on brief's inputs / brief load+generate: {same['seconds'] / ours['generate']:6.1f}x"
                  "  (bar >= 3x)")
            print(f"  plain on brief's inputs / brief whole briefing: {same['seconds'] / ours['seconds']:6.1f}x")
    print(f"\nwhole benchmark: {time.perf_counter() - started:.0f} s; load average at the start "
          f"{load_before:.1f}, at the end {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs (other work on the machine "
          "slows torch's threads far more than CTranslate2's: compare runs on a quiet machine)")


if __name__ == "__main__":
    main()
