namespace SIaM.Grading.Normalization;

/// <summary>
/// The explicit list of words that may follow a number in an answer (EN and ZH). Measurement units map to a canonical
/// symbol so that <c>5 m</c> and <c>5 cm</c> stay apart; count words and fillers map to null (stripped, never compared).
/// </summary>
internal static class UnitWords
{
    /// <summary>Multi-letter English words, removed as whole words (with an optional power such as <c>^2</c>).</summary>
    public static readonly Dictionary<string, string?> English = Build(StringComparer.OrdinalIgnoreCase,
        ("usd", "dollar dollars usd"), ("cent", "cent cents"), ("eur", "euro euros"), ("yuan", "yuan rmb"), ("gbp", "pound pounds"),
        ("cm", "cm centimeter centimeters centimetre centimetres"), ("mm", "mm millimeter millimeters millimetre millimetres"),
        ("km", "km kilometer kilometers kilometre kilometres"), ("m", "meter meters metre metres"),
        ("kg", "kg kilogram kilograms"), ("mg", "mg milligram milligrams"), ("g", "gram grams"), ("ml", "ml milliliter milliliters millilitre millilitres"),
        ("l", "liter liters litre litres"), ("in", "inch inches"), ("ft", "ft foot feet"), ("yd", "yard yards"), ("mi", "mi mile miles"),
        ("mph", "mph"), ("gal", "gallon gallons"), ("oz", "ounce ounces oz"), ("lb", "lb lbs"), ("ton", "ton tons"),
        ("s", "second seconds sec secs"), ("min", "minute minutes min mins"), ("h", "hour hours hr hrs"), ("day", "day days"),
        ("week", "week weeks"), ("month", "month months"), ("year", "year years yr yrs"), ("deg", "degree degrees deg"),
        ("%", "percent"), ("sq", "sq square"), ("cubic", "cubic"),
        (null, "unit units points point people persons students apples books pages times items pieces boxes bags cups eggs " +
               "marbles cookies tickets cars trees questions games each per total only approximately about"));

    /// <summary>Single-letter units, removed only when the whole answer is "number unit".</summary>
    public static readonly Dictionary<string, string?> SingleLetter = new(StringComparer.Ordinal)
    {
        ["m"] = "m", ["g"] = "g", ["s"] = "s", ["h"] = "h", ["l"] = "l", ["L"] = "l", ["t"] = "ton",
    };

    /// <summary>Chinese unit words after a number, longest first; measure words (个, 只, …) map to null.</summary>
    public static readonly (string Word, string? Unit)[] Chinese =
    [
        ("平方千米", "km^2"), ("平方厘米", "cm^2"), ("平方分米", "dm^2"), ("平方米", "m^2"),
        ("立方厘米", "cm^3"), ("立方分米", "dm^3"), ("立方米", "m^3"),
        ("千米", "km"), ("公里", "km"), ("厘米", "cm"), ("毫米", "mm"), ("分米", "dm"), ("米", "m"), ("千克", "kg"), ("公斤", "kg"),
        ("毫升", "ml"), ("升", "l"), ("吨", "ton"), ("克", "g"), ("小时", "h"), ("分钟", "min"), ("秒", "s"), ("元", "yuan"), ("度", "deg"),
    ];

    private static Dictionary<string, string?> Build(StringComparer comparer, params (string? Unit, string Words)[] groups)
    {
        var map = new Dictionary<string, string?>(comparer);
        foreach (var (unit, words) in groups)
            foreach (var w in words.Split(' ', StringSplitOptions.RemoveEmptyEntries)) map[w] = unit;
        return map;
    }
}
