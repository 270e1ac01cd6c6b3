"""vnplan: legal references, targets, deadlines and responsible units from Vietnamese plans."""

__version__ = "0.1.0"
