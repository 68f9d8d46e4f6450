"""The product's own, documented extraction errors: anything else escaping a parser is a bug."""


class ExtractError(Exception):
    """A document cannot be read; the message names the cause for the operator."""


class EmptyDocument(ExtractError):
    pass


class UndecodableText(ExtractError):
    pass
