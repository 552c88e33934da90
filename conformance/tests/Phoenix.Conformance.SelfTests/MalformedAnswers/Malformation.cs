namespace Phoenix.Conformance.SelfTests.MalformedAnswers;

/// <summary>How <see cref="MalformedAnswerAdapter"/> spoils the values of every successful answer.</summary>
public enum Malformation
{
    /// <summary>No values at all: the kernel "forgot" to return.</summary>
    NoValues,

    /// <summary>The last value is dropped: an off-by-one when results are packed.</summary>
    DropLastValue,

    /// <summary>Every value is replaced by one of another type (a table by a string, a string by a number, …).</summary>
    WrongTypes,
}
