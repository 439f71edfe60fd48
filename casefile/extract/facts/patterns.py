"""Building blocks of fact patterns over masked sentences (see masking.py)."""
from __future__ import annotations

PER = r"⟨P\d+⟩"
ORG = r"⟨O\d+⟩"
LOC = r"⟨L\d+⟩"
LAW = r"⟨A\d+⟩"
ANY = r"⟨[POLAE]\d+⟩"
ORG_OR_LOC = r"⟨[OL]\d+⟩"
# a list of people; bounded, so a sentence naming hundreds cannot make matching quadratic
PLIST = PER + r"(?:\s*,\s*" + PER + r"){0,24}(?:\s*,?\s*and\s+" + PER + r")?"
PRONOUN = r"\b(?:he|she|they|He|She|They|I)\b"
SUBJECT = r"(?P<subj>" + PLIST + r"|" + PRONOUN + r")"
# an apposition between the subject and its verb: ", media manager and former member of X,"
_CLAUSE_WORD = r"\b(?:that|said|says|when|while|because|after|before|but)\b"
APPOSITION = r"(?:\s*,(?:(?!" + _CLAUSE_WORD + r")(?:[^.;⟨]|" + ANY + r")){1,200}?,)?(?:\s*,(?=\s+(?:was|were|had|has|have|is|are)\b))?"  # or the close of one around it
ADVERBS = r"(?:(?:first|also|then|later|reportedly|allegedly|again|subsequently|eventually|previously|officially|briefly)\s+)*"
AUX = r"\s+(?:was|were|had\s+been|has\s+been|have\s+been|is|are|got|being)\s+" + ADVERBS

TRIGGERS = {
    "detention": r"detained|arrested|taken\s+into\s+custody|placed\s+under\s+(?:house\s+)?arrest|"
                 r"remanded(?:\s+in\s+custody)?|jailed|taken\s+off\s+the\s+plane|"
                 r"placed\s+in\s+(?:pre-trial\s+)?(?:detention|custody)",
    "interrogation": r"interrogated|questioned|summoned\s+for\s+(?:questioning|interrogation)",
    "conviction": r"convicted|found\s+guilty",
    "sentence": r"sentenced",
    "release": r"released|freed|paroled|let\s+go|pardoned|amnestied",
    "acquittal": r"acquitted|cleared\s+of\s+(?:all\s+)?charges",
    "fine": r"fined",
    "charge": r"charged|accused|indicted|prosecuted",
    "search_seizure": r"searched",
}
KINSHIP = (r"nephew|niece|son|daughter|brother|sister|father|mother|husband|wife|uncle|aunt|cousin|"
           r"son-in-law|daughter-in-law|father-in-law|mother-in-law|brother-in-law|sister-in-law|"
           r"grandson|granddaughter|grandfather|grandmother|stepson|stepdaughter|spouse|relative")
BOSS = r"chief|boss|superior|supervisor|head|manager|commander"
