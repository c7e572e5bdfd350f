"""The project's rubric (version 2, ../shared/RUBRIC.md), in short, for `evidence rubric`, the cards
and the validator: the rating scale, and the procedure whose first matching step gives the rating."""

from __future__ import annotations

RATINGS = (
    (5, "established", "Consistent, clinically meaningful benefit in several good randomised trials or their "
                       "meta-analyses, and part of mainstream guidelines or an approved use."),
    (4, "strong", "A good meta-analysis or several consistent randomised trials show a meaningful benefit; "
                  "some doubt remains about size, dose, form or who benefits."),
    (3, "moderate", "Randomised trials point to benefit but are small, short, mixed or partly contradicted, "
                    "or the benefit holds only in a subgroup such as people who are deficient."),
    (2, "limited", "Mostly observational links, one or two small trials, or sound indirect reasoning without "
                   "trials showing that supplementing helps."),
    (1, "very limited", "Traditional use, case reports, laboratory or animal studies; nothing adequate in people."),
    (0, "not supported", "Adequate trials found no benefit, or the risks clearly outweigh any benefit."),
)
NAMES = {n: name for n, name, _ in RATINGS}
# The procedure: find the best evidence for the use people ask about and take the first step that fits.
STEPS = (
    ("A", 0, "Harm that outweighs any benefit, or the use is dangerous as people practise it."),
    ("B", 5, "An approved indication or first-line in a current major guideline, and well-run randomised trials "
             "or their meta-analysis agree."),
    ("C", 4, "A good meta-analysis of randomised trials, or three or more consistent ones, show a clinically "
             "meaningful benefit; doubt remains about size, dose, form or who benefits."),
    ("D", 0, "Adequate trials found no benefit (a meta-analysis, a well-run trial of 100 or more people, or several "
             "smaller ones) and no trial of similar size and quality found one."),
    ("E", 3, "Randomised trials point to benefit but are small, short, of mixed quality or positive only in a "
             "subgroup, and no larger trial contradicts them."),
    ("F", 2, "One or two small positive trials; conflicting trials with no overall signal; mostly observational "
             "links; or strong indirect reasoning without trials showing that supplementing helps."),
    ("G", 1, "No adequate human trial: only small negative or uncontrolled studies, case reports, traditional use, "
             "laboratory or animal work."),
)
STEP_RATING = {step: rating for step, rating, _ in STEPS}
STEP_SHORT = {"A": "harm outweighs benefit", "B": "approved and proven", "C": "meaningful benefit in good trials",
              "D": "tested and found not to work", "E": "small or mixed trials point to benefit",
              "F": "a small trial or two, or associations", "G": "not adequately tested in people"}
VALIDITY = (
    ("scientific", "The rating rests on research in people: trials, cohort or case-control studies, systematic "
                   "reviews, guidelines. Laboratory or animal work alone is not enough."),
    ("traditional", "The use rests on traditional or folk practice, or on laboratory and animal work only. A "
                    "traditional card is rated 0 or 1."),
)
RULES = (
    "The rating answers one question: how sure can a careful reader be that this ingredient helps this "
    "condition in people? Not how popular the use is, how plausible it sounds, or how safe the ingredient is.",
    "Large, well-run negative trials outweigh many small positive ones.",
    "Correcting a deficiency is not the same as supplementing people who are not deficient.",
    "Where evidence shows harm, the rating is 0 and the verdict names the harm.",
)

# Interactions (evidence grades A-D are model.EVIDENCE_GRADES): how bad the outcome is if it happens.
SEVERITY_MEANING = {
    "major": "Can be life-threatening or cause lasting harm (serious bleeding, serotonin syndrome, a failed "
             "transplant drug): do not combine without a prescriber's advice.",
    "moderate": "Can make a medicine work less well or cause side effects needing attention: check with a "
                "pharmacist or prescriber, and monitor.",
    "minor": "Small or easily managed (lower absorption if taken together): spacing doses usually deals with it.",
}
