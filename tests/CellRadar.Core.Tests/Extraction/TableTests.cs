using CellRadar.Core.Model;

namespace CellRadar.Core.Tests.Extraction;

public class TableTests
{
    [Fact]
    public void Milestone_table_gives_one_event_per_row_with_the_place_from_the_header()
    {
        const string text = """
            Our reference list of Japanese approvals follows.

            | product | maker | first Japan approval |

            |---|---|---|

            | Kymriah | Novartis | March 2019 |

            | Yescarta | Daiichi Sankyo | January 2021 |

            | Breyanzi | BMS | March 2021 |
            """;
        var events = Extract.From(text);
        Assert.Equal(3, events.Count(e => e.Kind == EventKind.Approval && e.Jurisdiction.Code == "JP"));
        Assert.Equal("2021-01", events.Single(e => e.Product == "axicabtagene ciloleucel").Date.ToString());
    }

    [Fact]
    public void Table_without_a_milestone_column_gives_nothing()
    {
        const string text = """
            | product | sales (USD m) | growth |

            |---|---|---|

            | Kymriah | 120 | 4% |

            | Carvykti | 340 | 60% |
            """;
        Assert.Empty(Extract.From(text));
    }
}
