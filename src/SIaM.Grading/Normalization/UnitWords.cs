namespace SIaM.Grading.Normalization;

/// <summary>Unit and currency words that may follow a number in an answer (EN and ZH).</summary>
internal static class UnitWords
{
    /// <summary>Multi-letter English units, removed as whole words (with an optional power such as <c>^2</c>).</summary>
    public static readonly HashSet<string> English = new(StringComparer.OrdinalIgnoreCase)
    {
        "dollar", "dollars", "cent", "cents", "usd", "euro", "euros", "yuan", "rmb", "pound", "pounds",
        "unit", "units", "sq", "square", "cubic", "cm", "mm", "km", "kg", "mg", "ml", "meter", "meters", "metre", "metres",
        "centimeter", "centimeters", "kilometer", "kilometers", "millimeter", "millimeters", "inch", "inches", "foot", "feet",
        "ft", "yard", "yards", "mile", "miles", "mph", "gram", "grams", "kilogram", "kilograms", "liter", "liters", "litre",
        "litres", "gallon", "gallons", "ounce", "ounces", "oz", "lb", "lbs", "ton", "tons", "second", "seconds", "sec", "secs",
        "minute", "minutes", "min", "mins", "hour", "hours", "hr", "hrs", "day", "days", "week", "weeks", "month", "months",
        "year", "years", "yr", "yrs", "degree", "degrees", "deg", "percent", "points", "point", "people", "persons", "students",
        "apples", "books", "pages", "times", "items", "pieces", "boxes", "bags", "cups", "eggs", "marbles", "cookies",
        "tickets", "cars", "trees", "questions", "games", "hours.", "each", "per", "total", "only", "approximately", "about",
    };

    /// <summary>Single-letter units, removed only when the whole answer is "number unit".</summary>
    public static readonly HashSet<string> SingleLetter = ["m", "g", "s", "h", "l", "L", "t"];
}
