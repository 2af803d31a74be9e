namespace Retention.Scripts;

/// <summary>How a script reaches the customer (scripts.md section 1).</summary>
public enum ScriptKind
{
    /// <summary>A talk track for a phone call: lines to say, stage directions, do and don't lists.</summary>
    Call = 0,

    /// <summary>A written message (SMS, WeChat, app push): the lines are the message text. Must name the store and a contact person.</summary>
    Message = 1,

    /// <summary>A talk track for a visit in person (home visit, apology meeting in the store).</summary>
    Visit = 2,

    /// <summary>A letter or printed plan handed or sent to the customer.</summary>
    Letter = 3,
}

/// <summary>Why a script is sent; decides which compliance rules apply (scripts.md section 2).</summary>
public enum ScriptPurpose
{
    /// <summary>Service and relationship contact (follow-up, recovery, rescue). The default.</summary>
    Service = 0,

    /// <summary>Promotional content. A marketing message must end with the opt-out instruction.</summary>
    Marketing = 1,

    /// <summary>Transactional notice (booking confirmation, car ready).</summary>
    Transactional = 2,
}

/// <summary>What a part of a script is.</summary>
public enum ScriptPartKind
{
    /// <summary>Words staff say, or the text of a message or letter.</summary>
    Line = 0,

    /// <summary>A stage direction for staff ("pause and wait", "listen, take notes"); never shown to the customer.</summary>
    Direction = 1,
}

/// <summary>The kind of value a placeholder takes; decides how the value is checked and formatted.</summary>
public enum PlaceholderKind
{
    /// <summary>Free text, inserted as given.</summary>
    Text = 0,

    /// <summary>A whole number, formatted with digit grouping.</summary>
    Number = 1,

    /// <summary>An amount of money in the store's currency, formatted per locale (<c>¥780</c> / <c>CNY 780</c>).</summary>
    Money = 2,

    /// <summary>A calendar date, formatted per locale.</summary>
    Date = 3,

    /// <summary>A date and time of day, formatted per locale.</summary>
    DateTime = 4,
}
