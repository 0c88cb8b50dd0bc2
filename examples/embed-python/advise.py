#!/usr/bin/env python3
"""Embedding Koers in Python through ctypes and the C API (koers/koers.h).

Compiles a ruleset from text, asserts facts as JSON, runs, and prints the advice with
its explanation. Finds libkoers through KOERS_LIBRARY (a path to libkoers.so), else
through the prefix given as the first argument (PREFIX/lib/libkoers.so, and the
multiarch lib folders), else through the system's library path.

    python3 examples/embed-python/advise.py /usr/local
"""
import ctypes
import ctypes.util
import glob
import json
import os
import sys

RULESET = """template pole {
  paradox: symbol
  value: number in -2..2 = 0
}

rule strong_pole "A pole at an extreme asks for attention"
when
  pole(paradox: ?p, value: ?v)
  where ?v >= 1.5 or ?v <= -1.5
then
  advise balance severity: warning
    paradox: ?p
    en: "The alliance leans hard to one side of {?p} ({?v})."
end
"""

FACTS = {"pole": [{"paradox": "P01", "value": 2}, {"paradox": "P02", "value": 0.5}]}

KOERS_OK = 0
KOERS_RESULTS_EXPLAIN = 1
KOERS_RESULTS_NO_TIME = 2


class KoersError(Exception):
    pass


def find_library():
    if os.environ.get("KOERS_LIBRARY"):
        return os.environ["KOERS_LIBRARY"]
    if len(sys.argv) > 1:
        candidates = sorted(glob.glob(os.path.join(sys.argv[1], "lib*", "**", "libkoers.so"), recursive=True))
        if candidates:
            return candidates[0]
        raise KoersError(f"no libkoers.so below {sys.argv[1]}")
    found = ctypes.util.find_library("koers")
    if found is None:
        raise KoersError("libkoers not found; set KOERS_LIBRARY or give the install prefix")
    return found


class Koers:
    """A thin wrapper: each call checks the status and frees the strings it receives."""

    def __init__(self, path):
        lib = ctypes.CDLL(path)
        handle = ctypes.c_void_p
        text_out = ctypes.POINTER(ctypes.c_void_p)  # char**: freed with koers_free_string
        lib.koers_last_error.restype = ctypes.c_char_p
        lib.koers_version.restype = ctypes.c_char_p
        lib.koers_free_string.argtypes = [ctypes.c_void_p]
        lib.koers_ruleset_compile_text.argtypes = [ctypes.c_char_p, ctypes.c_char_p, ctypes.POINTER(handle), text_out]
        lib.koers_ruleset_free.argtypes = [handle]
        lib.koers_session_new.argtypes = [handle, ctypes.POINTER(handle)]
        lib.koers_session_free.argtypes = [handle]
        lib.koers_session_assert_json.argtypes = [handle, ctypes.c_char_p, text_out]
        lib.koers_session_run.argtypes = [handle, ctypes.c_void_p, text_out]
        lib.koers_session_results_json.argtypes = [handle, ctypes.c_int, text_out]
        lib.koers_session_explain_advice.argtypes = [handle, ctypes.c_uint64, text_out]
        self.lib = lib

    def check(self, status):
        if status != KOERS_OK:
            raise KoersError(self.lib.koers_last_error().decode())

    def take(self, pointer):
        """The string the library handed out, freed afterwards."""
        if not pointer.value:
            return None
        try:
            return ctypes.string_at(pointer.value).decode()
        finally:
            self.lib.koers_free_string(pointer.value)

    def compile(self, name, text):
        rules = ctypes.c_void_p()
        diagnostics = ctypes.c_void_p()
        status = self.lib.koers_ruleset_compile_text(name.encode(), text.encode(), ctypes.byref(rules),
                                                     ctypes.byref(diagnostics))
        problems = json.loads(self.take(diagnostics) or "[]")
        if status != KOERS_OK:
            raise KoersError("\n".join(f"{d['file']}:{d['line']}:{d['column']}: {d['message']}" for d in problems))
        return rules

    def session(self, rules):
        session = ctypes.c_void_p()
        self.check(self.lib.koers_session_new(rules, ctypes.byref(session)))
        return session

    def assert_facts(self, session, facts):
        self.check(self.lib.koers_session_assert_json(session, json.dumps(facts).encode(), None))

    def run(self, session):
        run = ctypes.c_void_p()
        status = self.lib.koers_session_run(session, None, ctypes.byref(run))
        summary = json.loads(self.take(run))
        self.check(status)
        return summary

    def results(self, session):
        out = ctypes.c_void_p()
        self.check(self.lib.koers_session_results_json(session, KOERS_RESULTS_EXPLAIN | KOERS_RESULTS_NO_TIME,
                                                       ctypes.byref(out)))
        return json.loads(self.take(out))

    def explain_advice(self, session, advice_id):
        out = ctypes.c_void_p()
        self.check(self.lib.koers_session_explain_advice(session, advice_id, ctypes.byref(out)))
        return self.take(out)


def main():
    try:
        koers = Koers(find_library())
        rules = koers.compile("poles.koers", RULESET)
        session = koers.session(rules)
        koers.lib.koers_ruleset_free(rules)  # the session keeps the ruleset alive
        try:
            koers.assert_facts(session, FACTS)
            summary = koers.run(session)
            results = koers.results(session)
            print(f"koers {koers.lib.koers_version().decode()}: {summary['stop']}, {summary['firings']} firing(s)")
            for advice in results["advice"]:
                print(f"{advice['severity']} {advice['topic']}: {advice['texts']['en']}")
                print(koers.explain_advice(session, advice["id"]), end="")
        finally:
            koers.lib.koers_session_free(session)
    except (KoersError, OSError) as error:
        print(f"embed-python: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
