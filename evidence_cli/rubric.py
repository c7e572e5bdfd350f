"""The rating scale of the project's rubric, in short, for `evidence rubric` and the cards."""

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
