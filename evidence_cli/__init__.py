"""evidence: offline lookups of the evidence for supplements, vitamins, minerals and herbs."""

__version__ = "0.1.0"
