#!/usr/bin/env python3
"""The indexed peers: what a fact-checker writes with a search library instead of a
brute-force scan. Same corpus sentences, claims and verdict rule as peer.py.

    peer_index.py --engine bm25s   ...   # bm25s top-100 sentences, rapidfuzz rerank
    peer_index.py --engine tantivy ...   # tantivy (BM25, in RAM) top-1 sentence

bm25s: sentences tokenized with English stop words and the Snowball stemmer when
PyStemmer is there; the claim's top 100 are reranked by rapidfuzz token_set_ratio
and the best is judged. tantivy: one document a sentence in an in-memory index (the
`en_stem` tokenizer), the claim's words OR-ed as a query (parse errors avoided by
keeping words only); its top hit is judged, with rapidfuzz's score for --min-score.
Prints peer.py's JSON, with the index build time in the summary.
"""

import argparse
import re
import time

import peer
from rapidfuzz import fuzz, utils

WORD = re.compile(r"[A-Za-z0-9]+")


def bm25s_search(k):
    import bm25s
    try:
        import Stemmer
        stemmer = Stemmer.Stemmer("english")
    except ImportError:
        stemmer = None
    tokens = bm25s.tokenize(peer.SENTS, stopwords="en", stemmer=stemmer, show_progress=False)
    retriever = bm25s.BM25()
    retriever.index(tokens, show_progress=False)
    k = min(k, len(peer.SENTS))

    def search(text):
        q = bm25s.tokenize([text], stopwords="en", stemmer=stemmer, show_progress=False)
        ids, _ = retriever.retrieve(q, k=k, show_progress=False)
        pt = utils.default_process(text)
        best, score = None, -1.0
        for i in ids[0]:
            s = fuzz.token_set_ratio(pt, utils.default_process(peer.SENTS[int(i)]))
            if s > score:
                best, score = int(i), s
        return best, score
    return search


def tantivy_search():
    import tantivy
    sb = tantivy.SchemaBuilder()
    sb.add_text_field("body", stored=False, tokenizer_name="en_stem")
    sb.add_unsigned_field("id", stored=True, indexed=False)
    schema = sb.build()
    index = tantivy.Index(schema)
    w = index.writer(heap_size=256_000_000, num_threads=2)
    for i, s in enumerate(peer.SENTS):
        w.add_document(tantivy.Document(body=s, id=i))
    w.commit()
    w.wait_merging_threads()
    index.reload()
    searcher = index.searcher()

    def search(text):
        q = index.parse_query(" ".join(WORD.findall(text)), ["body"])
        hits = searcher.search(q, 1).hits
        if not hits:
            return None, 0.0
        i = searcher.doc(hits[0][1])["id"][0]
        return i, fuzz.token_set_ratio(utils.default_process(text), utils.default_process(peer.SENTS[i]))
    return search


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    peer.common_args(ap)
    ap.add_argument("--engine", choices=["bm25s", "tantivy"], required=True)
    ap.add_argument("--top", type=int, default=100, help="bm25s: candidates reranked")
    args = ap.parse_args()
    claims, load_s = peer.setup(args)
    t = time.perf_counter()
    search = bm25s_search(args.top) if args.engine == "bm25s" else tantivy_search()
    index_s = time.perf_counter() - t
    results, summary = peer.run_claims(claims, search, args.min_score)
    peer.emit(results, summary, load_s, index_s)


if __name__ == "__main__":
    main()
