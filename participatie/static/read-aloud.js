// "Lees voor": plays the coordinator's recording for this question and language, or else the
// browser's own voice when it has one for the language. Without either the button stays hidden.
(function () {
  var button = document.querySelector("button.read");
  if (!button) return;
  var audioUrl = button.getAttribute("data-audio");
  var lang = button.getAttribute("data-lang");
  function text() {
    var parts = [];
    document.querySelectorAll("main h1, main .hint, main .option span, main .error-message").forEach(function (el) {
      parts.push(el.textContent.trim());
    });
    return parts.join(". ");
  }
  if (audioUrl) {
    // The button replaces the plain player shown to browsers without JavaScript.
    var player = document.querySelector("p.read-aloud");
    if (player) player.hidden = true;
    // Fetched only when asked for: a recording costs data a parent may not have to spare.
    var audio = null;
    button.hidden = false;
    button.addEventListener("click", function () {
      if (!audio) { audio = new Audio(audioUrl); audio.preload = "none"; }
      audio.currentTime = 0;
      audio.play();
    });
    return;
  }
  if (!("speechSynthesis" in window)) return;
  function voiceFor() {
    var base = lang.split("-")[0];
    return speechSynthesis.getVoices().filter(function (v) {
      return v.lang.replace("_", "-").toLowerCase().indexOf(base) === 0;
    })[0];
  }
  function offer() {
    var voice = voiceFor();
    if (!voice) return;
    button.hidden = false;
    button.onclick = function () {
      speechSynthesis.cancel();
      var utterance = new SpeechSynthesisUtterance(text());
      utterance.voice = voice;
      utterance.lang = voice.lang;
      speechSynthesis.speak(utterance);
    };
  }
  offer();
  speechSynthesis.addEventListener("voiceschanged", offer);
})();
