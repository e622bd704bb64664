"""Lexical cues of argumentative function, from the argument-mining literature.

Each cue family is one compiled regular expression, so scoring a unit is a handful of
regex searches (the import must handle 100,000 characters a second):

- deontic and modal cues mark recommendations and, often, the thesis
  ("should", "must", "ought to", "needs to", "the best bet is");
- conclusion markers ("therefore", "that's why", "in other words") mark what is argued for;
- reason markers ("because", "since", "moreover", "for one thing") mark premises;
- reporting verbs, numbers, sources and examples mark evidence;
- concession openers and attributed views ("Of course", "Critics argue", "X contends")
  mark objections the author reports in order to answer them, and a following
  "But/Yet/However" marks the answer;
- evaluative and first-person stance ("is a mistake", "I believe") marks claims.

Every hit keeps the matched words so a proposal's reason can say which cue decided.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_I = re.IGNORECASE

DEONTIC = re.compile(
    r"\b(?:should(?:n[’']t| not)?|ought(?:n[’']t)? (?:not )?to|must(?:n[’']t| not)?|"
    r"needs? to|need not|had better|would do well to|"
    r"(?:it is|it's) (?:high )?time (?:to|for|that)|"
    r"(?:the|its|our|their|[\w.’']+[’']s) best (?:bet|course|option|hope|answer|move) (?:is|would be)|"
    r"(?:is|are|would be|remains?) (?:necessary|essential|imperative|vital|crucial|required|mandatory) "
    r"(?:to|that|for)|be (?:required|mandatory|reimbursed|introduced|abolished|banned|allowed|"
    r"regulated|limited|charged|covered|included)\b|"
    r"(?:let us|let's) \w+|"
    r"(?:the|our|my|one) (?:answer|solution|remedy|fix|way forward|priority) (?:is|would be|must be) to|"
    r"(?:the|a|one) (?:answer|solution|remedy|cure|fix) (?:is|would be|lies in) (?:a|an|more|less|"
    r"fewer|simple|obvious|clear)\b|(?:now|this) is the (?:time|moment) (?:to|for)|"
    r"(?:a|the) (?:better|best|wiser|smarter|right|only) (?:approach|course|way|policy|option|path"
    r"|response) (?:is|would be|will be) to|what is (?:needed|required) (?:now )?is|"
    r"\bneeds? (?:a|an|more|less|fewer|better|stronger|new|real|proper|urgent|serious)\b|"
    r"there (?:should|must|needs to|ought to) be|we need (?:a|an|more|less|fewer|much|better|"
    r"stronger|stiffer|tougher|real|new)\b|"
    r"(?:we|you|they|it|washington|policymakers) (?:can|could) (?:no longer )?afford|"
    r"(?:it|this) is (?:right|wrong|a mistake|unfair|unjust|justified|unjustifiable|"
    r"out of the question|inappropriate|unacceptable)|"
    r"out of the question|(?:I|we) (?:propose|recommend|urge|suggest))\b",
    _I,
)
CONCLUSION = re.compile(
    r"(?:^|[,;:—–]\s*|\b(?:and|but)\s+)(?:therefore|thus|hence|consequently|accordingly|"
    r"that[’']?s why|that is why|this is why|which is why|in other words|in short|in sum|"
    r"to sum up|ultimately|in the end|all in all|for these reasons|in conclusion|to conclude|"
    r"the upshot|the bottom line|the reality is|the point is|so\b(?! (?:far|much|many|that|too|"
    r"long|as)))|\b(?:therefore|thus|hence|consequently)\b",
    _I,
)
_TEMPORAL_SINCE = (
    r"(?! (?:then|(?:the )?\d|the (?:start|beginning|end)|last|early|late)|(?: [\w.’'-]+){0,4}? "
    r"(?:invasion|war|election|attacks?|takeover|withdrawal|collapse|fall|coup|revolution|"
    r"independence|crisis|pandemic|inception|beginning|start|founding|days|times|years)\b)"
)
"""After "since": not a reason when a time or an event follows ("since the invasion of
Afghanistan, …", "since the 1990s"): that "since" dates, it does not give a ground."""
REASON = re.compile(
    r"^(?:because|since" + _TEMPORAL_SINCE + r"|as\b(?! (?:a|an|the|with|for|of|well)\b)|"
    r"for one thing|for another|furthermore|moreover|in addition|additionally|besides|plus|"
    r"also|what[’']s more|after all|given (?:that|the)|first(?:ly)?,|second(?:ly)?,|"
    r"third(?:ly)?,|finally,|above all|not least|on top of that|for\b(?= (?:affordable|it|they|this|that|we|the)\b))"
    r"|\b(?:because|due to|owing to|given that|the reason is|after all)\b|,\s+(?:as|for)\s+(?!example|instance)|,\s+since"
    + _TEMPORAL_SINCE
    + r"\s",
    _I,
)
REBUTTAL = re.compile(
    r"^(?:but|yet|however|nevertheless|nonetheless|still|even so|that said|on the contrary|"
    r"instead|rather|in fact|actually|surely|but surely|I (?:do )?doubt)\b|^[^,]{0,60},? however,",
    _I,
)
CONCESSION = re.compile(
    r"^(?:of course|granted|admittedly|certainly|true,|sure,|it is true|it[’']s true|"
    r"indeed,? one could|one could (?:argue|object|say)|one might|some (?:may|might|will) "
    r"(?:say|argue|object)|on the other hand|even if|although|though|while|whereas|unless|"
    r"clearly the|it (?:may|might|could) (?:seem|be (?:argued|objected|said))|"
    r"it is indisputable|there is no denying|to be sure|no doubt)\b",
    _I,
)
ATTRIBUTED_VIEW = re.compile(
    r"\b(?:critics|opponents|proponents|supporters|sceptics|skeptics|advocates|detractors|"
    r"(?:some|many|most) (?:people|observers|experts|analysts|commentators|critics|argue|say|believe|think|claim)|"
    r"(?:they|he|she|it|others|some|many) (?:claims?|contends?|argues?|insists?|maintains?|"
    r"alleges?|believes?|thinks?) that)\b|\b(?:contend(?:s|ed|ing)?|claim(?:s|ed)?|argue[sd]?|"
    r"insist(?:s|ed)?|maintain(?:s|ed)?|allege[sd]?) that\b|point out that|"
    r"(?:may|might) (?:want|argue|say|feel|object)|(?:may|might|could) seem|"
    r"by contending that|consider (?:the|it|them)",
    _I,
)
EVIDENCE = re.compile(
    r"\b(?:according to|reports?|reported|study|studies|survey|poll|data|statistics|"
    r"research(?:ers)?|figures|estimates?d?|percent|per cent|billion|million|"
    r"for (?:example|instance)|such as|e\.g\.|in (?:\d{4}|january|february|march|april|may|june|"
    r"july|august|september|october|november|december)|last (?:week|month|year)|"
    r"on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|says|said|told|"
    r"alleged|accused|acknowledged|admitted|confirmed|revealed|documented|testified|"
    r"assess(?:es|ed)|announced|showed|shows|found that|recorded|killed|"
    r"at least \d+)\b|\d+(?:[.,]\d+)?\s*%|\b\d{2,}\b|[“\"][^”\"]{20,}[”\"]",
    _I,
)
FIRST_PERSON = re.compile(
    r"\b(?:I (?:think|believe|find|doubt|am convinced|would argue|argue|contend|maintain)|"
    r"in my (?:view|opinion)|we (?:must|should|need|cannot|can't)|to my mind)\b",
    _I,
)
EVALUATIVE = re.compile(
    r"\b(?:(?:is|are|was|were|would be|seems?|remains?) (?:not |no |also |simply |clearly |"
    r"indeed |only |far |much )?(?:a |an |the )?(?:\w+ )?(?:mistake|wrong|right|unfair|"
    r"unjust|justified|unjustifiable|necessary|essential|crucial|inappropriate|unacceptable|"
    r"absurd|legitimate|dangerous|problem|failure|better|worse|best|key|irresponsible|"
    r"important|unlikely|likely|impossible|possible|useful|harmful|costly|disgusting|"
    r"implausible|unsatisfactory|concerning|urgent|relevant|difficult|able|unable|needed|"
    r"miscalculation|threat|danger|fair|sensible|pointless|senseless|reasonable|good idea|"
    r"bad idea|appropriate|practical|effective|ineffective|counterproductive)|clearly|undeniabl[ey]|obviously|surely|absolutely|"
    r"cannot|can[’']t|will not|won[’']t|never|only|no longer|too \w+)\b",
    _I,
)
MODAL_FUTURE = re.compile(
    r"\b(?:will|would|could|can|may|might|likely|risks?|threatens?|leads? to|lead to|"
    r"result in|undermines?|allows?|enables?|helps?|prevents?)\b",
    _I,
)
QUESTION = re.compile(r"\?[\"”’)]*$")
NEGATION = re.compile(
    r"\b(?:not|no|never|nor|neither|cannot|without|n[’']t)\b|n[’']t\b",
    _I,
)
WEAK_DEONTIC = re.compile(
    r"\b(?:has to|have to|(?:is|are) to be|(?:is|are) (?:not )?(?:allowed|permitted)|"
    r"would be (?:fair|right|wrong|better|sensible|wise|prudent|a mistake)|(?:it|this) would be)\b",
    _I,
)
ADDITIVE = re.compile(r"\b(?:also|too|as well|further(?:more)?|in addition|another|besides)\b", _I)
STRONG_REBUTTAL = re.compile(
    r"^(?:but|yet|however|nevertheless|nonetheless|still|even so|that said)\b|^[^,]{0,60},? however,",
    _I,
)
SIGNPOST = re.compile(
    r"\b(?:brings us to|turn(?:ing)? (?:now )?to|with regard to the|consider the following|"
    r"(?:two|three|several) (?:realities|questions|reasons|things|commitments|lessons)|"
    r"bigger questions|here is why|here[’']s why|the question is|"
    r"particularly pertinent)\b",
    _I,
)
IMPERATIVE = re.compile(
    r"^(?:(?:so|now|then|and|instead|rather|first|finally|simply|just)[,:]?\s+)?(?:please[,:]?\s+)?"
    r"(?:(?:do not|don[’']t|never|always)\s+)?(?:stop|start|make|give|take|keep|ask|force|require|"
    r"ban|end|allow|consider|remember|tell|help|put|use|simplify|limit|protect|enforce|fix|create|"
    r"raise|cut|pay|vote|support|reject|repeal|restore|invest|build|fund|treat|hold|bring|insist|"
    r"demand|push|stand|act|choose|drop|abolish|scrap|prohibit|eliminate|increase|reduce|lower|"
    r"expand|withdraw|pass|sign|adopt|join|reform|rethink|listen|prevent|regulate|mandate|"
    r"penalize|penalise|fine|outlaw|forbid|let|leave|give|get rid of|do away with)\b"
    r"(?! (?:is|are|was|were|has|have|had|of|to|and)\b)|^please\b",
    _I,
)
"""An imperative: a sentence that opens with a verb of action telling the reader (or an
authority) what to do ("Stop letting them block numbers.", "Please consider …")."""
HEDGE = re.compile(r"\b(?:may|might|perhaps|possibly|seem|seems|appear|appears)\b", _I)


@dataclass(frozen=True, slots=True)
class Cues:
    """The cues found in one unit: each the matched words, or ``""``."""

    deontic: str
    conclusion: str
    reason: str
    rebuttal: str
    concession: str
    attributed: str
    evidence: str
    first_person: str
    evaluative: str
    modal: str
    question: bool
    negated: bool
    hedge: str
    weak_deontic: str
    additive: str
    strong_rebuttal: bool
    signpost: str
    n_evidence: int
    imperative: str = ""


def _hit(regex: re.Pattern[str], text: str) -> str:
    match = regex.search(text)
    return match.group(0).strip(" ,;:—–") if match else ""


NOT_DEONTIC = re.compile(
    r"\b(?:should|must|ought to)(?: not|n[’']t)? (?:(?:really|perhaps|hardly|surely) )?"
    r"(?:be (?:(?:a |any )?(?:no )?surprise[ds]?|noted|said|stressed|remembered|recalled|"
    r"emphasi[sz]ed|pointed out|admitted|acknowledged|(?:clear|obvious|evident)(?= that\b|\s*[.,;]))"
    r"|come as (?:a |no |little )?"
    r"(?:surprise|shock)|(?:worry|concern|alarm|trouble|frighten|scare|shock|surprise|dismay)\b"
    r"|give (?:\w+ )?pause)|\bmust(?: not|n[’']t)? have (?:been|known|seen|realized|realised|"
    r"noticed|expected|felt|thought)",
    _I,
)
"""A modal that judges or guesses rather than obliges ("No one should be surprised", "it
must be said", "this should worry us", "they must have known"): the editorial's
commonplaces of a modal that are no recommendation."""


def find_cues(text: str) -> Cues:
    """Every cue family searched once in ``text``."""
    evidence_hits = EVIDENCE.findall(text)
    return Cues(
        deontic=_hit(DEONTIC, NOT_DEONTIC.sub(" … ", text)),
        conclusion=_hit(CONCLUSION, text),
        reason=_hit(REASON, text),
        rebuttal=_hit(REBUTTAL, text),
        concession=_hit(CONCESSION, text),
        attributed=_hit(ATTRIBUTED_VIEW, text),
        evidence=evidence_hits[0].strip() if evidence_hits else "",
        first_person=_hit(FIRST_PERSON, text),
        evaluative=_hit(EVALUATIVE, text),
        modal=_hit(MODAL_FUTURE, text),
        question=bool(QUESTION.search(text)),
        negated=bool(NEGATION.search(text)),
        hedge=_hit(HEDGE, text),
        weak_deontic=_hit(WEAK_DEONTIC, text),
        additive=_hit(ADDITIVE, text),
        strong_rebuttal=bool(STRONG_REBUTTAL.search(text)),
        signpost=_hit(SIGNPOST, text),
        n_evidence=len(evidence_hits),
        imperative=_hit(IMPERATIVE, text),
    )
