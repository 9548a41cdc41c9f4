//! A web page written for the tests: a news story in a page with the
//! furniture sites put around one.

/// The story's paragraphs, in the article element.
pub const STORY: [&str; 5] = [
    "The council of Marbury approved a new tram line for the city centre on Tuesday, after a debate that lasted most of the day.",
    "Work on the line will start next spring and is expected to last two years, the council's transport committee said in a statement.",
    "The line will link the railway station with the hospital and the university, and shops along the route will get help with their costs.",
    "Opponents said the money would be better spent on buses, but the vote passed by twenty-one votes to nine.",
    "The first trams are expected to carry passengers in the autumn of the year after next, if the works keep to their timetable.",
];

/// A news page as sites write them: a site name in the title, a menu, a
/// cookie banner, a byline, scripts, a related-links box and a footer.
pub fn news_page(extra_head: &str, extra_body: &str) -> String {
    let paragraphs: String = STORY.iter().map(|p| format!("<p>{p}</p>\n")).collect();
    format!(
        "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n{extra_head}\
         <title>Marbury Approves Tram Line | The Marbury Courier</title>\n\
         <meta property=\"og:title\" content=\"Marbury Approves Tram Line\">\n\
         <meta name=\"author\" content=\"Jane Doe\">\n\
         <script>var tracking = \"Click here to win a prize. Subscribe now for offers.\";</script>\n\
         <style>body {{ font-family: serif; }}</style>\n</head>\n<body>\n\
         <div class=\"cookie-banner\">We use cookies to improve your experience. Accept all cookies?</div>\n\
         <nav><ul><li><a href=\"/\">Home</a></li><li><a href=\"/news\">News</a></li><li><a href=\"/sport\">Sport</a></li></ul></nav>\n\
         <article>\n<h1>Marbury Approves Tram Line</h1>\n<p class=\"byline\">By Jane Doe</p>\n{paragraphs}{extra_body}</article>\n\
         <aside><h2>Related</h2><ul><li><a href=\"/a\">Bus fares to rise</a></li><li><a href=\"/b\">New bridge opens</a></li></ul></aside>\n\
         <footer>Copyright The Marbury Courier. All rights reserved.</footer>\n\
         <script>document.write(\"Breaking: this sentence is from a script.\");</script>\n</body>\n</html>\n"
    )
}
