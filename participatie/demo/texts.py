"""Fictional open answers and focus-group quotes for the demo. Never real people."""

from __future__ import annotations

from typing import Any

# What would make a real difference ("verschil"), per language.
DIFFERENCE: dict[str, list[str]] = {
    "nl": [
        "Een huis zonder schimmel. Mijn jongste hoest de hele winter.",
        "Dat de rekening van school in stukjes betaald kan worden.",
        "Een plek in de kinderopvang, dan kan ik gaan werken.",
        "Minder papieren. Ik snap de brieven van het OCMW niet.",
        "Dat mijn zoon kan voetballen zonder dat het zo duur is.",
        "Een bus die ook 's avonds rijdt naar het dorp.",
        "Iemand die met mij meegaat naar de dokter en het uitlegt.",
        "Goedkopere energie. De voorschotten zijn veel te hoog.",
        "Een vaste job met uren die passen bij de school.",
        "Dat de tandarts niet meer zo lang op voorhand betaald moet worden.",
        "Een speelplein in onze straat waar de kinderen veilig zijn.",
        "Hulp met mijn schulden zonder dat ik me moet schamen.",
        "Meer sociale woningen. We wachten al zes jaar.",
        "Dat ze op school vriendelijk zijn tegen mij als mama.",
        "Een plek waar ouders samen koffie drinken en praten.",
    ],
    "ar": [
        "سكن أرخص وأكبر لأطفالي الأربعة.",
        "دروس اللغة الهولندية في المساء لأنني أعمل في النهار.",
        "أن يشرح لي أحد الرسائل الرسمية بلغتي.",
        "مكان في الحضانة قريب من البيت.",
        "طبيب أسنان لا يطلب المال مسبقًا.",
    ],
    "tr": [
        "Çocuklarım için daha ucuz yüzme dersleri.",
        "İş bulmak için dil kursu ve çocuk bakımı.",
        "Okul faturalarını taksitle ödeyebilmek.",
        "Ev sahibinin nemli duvarları tamir etmesi.",
    ],
    "uk": [
        "Допомога з пошуком житла для нашої родини.",
        "Курси нідерландської мови з доглядом за дітьми.",
        "Щоб лікар пояснював усе простими словами.",
        "Робота, де визнають мій диплом.",
    ],
    "en": [
        "Cheaper after-school care so I can keep my job.",
        "Someone to help me fill in the forms online.",
        "A bus pass for my teenagers to get to school.",
    ],
    "fr": [
        "Un logement moins cher et sans humidité.",
        "Des activités gratuites pour les enfants pendant les vacances.",
    ],
}

# What goes well ("goed").
GOES_WELL: dict[str, list[str]] = {
    "nl": [
        "De sociale kruidenier helpt echt.",
        "De juf van mijn dochter luistert goed.",
        "Het Huis van het Kind is vriendelijk.",
        "Met de UiTPAS konden we naar het zwembad.",
        "De maatschappelijk werker belt terug.",
    ],
    "ar": ["المكتبة مجانية وجميلة للأطفال.", "المدرسة تساعد ابني كثيرًا."],
    "tr": ["Mahalledeki park çok güzel."],
    "uk": ["Бібліотека дуже хороша для дітей."],
    "en": ["The food bank volunteers are very kind."],
    "fr": ["L'école de devoirs aide beaucoup mon fils."],
}

FOCUS_GROUP: dict[str, Any] = {
    "title": "Praatcafé De Brug — wat loopt goed, wat kan beter",
    "place": "Ontmoetingshuis De Brug, Kempenaar",
    "facilitator": "Welzijnsschakel De Brug",
    "guide": [
        "Denk aan een moment dat het goed liep met hulp voor je gezin. Wat maakte het verschil?",
        "Stel: je wordt wakker in een gemeente die perfect is voor gezinnen met kinderen. Wat zie je?",
        "Wat houdt jou of je kinderen tegen om mee te doen?",
    ],
    "attendees": [
        ("P1", "ouder", "nl"),
        ("P2", "ouder", "nl"),
        ("P3", "ervaringsdeskundige", "nl"),
        ("P4", "ouder", "ar"),
        ("P5", "ouder", "nl"),
        ("P6", "ervaringsdeskundige", "nl"),
    ],
    "quotes": [
        (0, "P1", "nl", "Bij het Huis van het Kind namen ze de tijd. Niemand keek op de klok."),
        (0, "P3", "nl", "Het verschil was dat ze naar mij kwamen, thuis, en niet omgekeerd."),
        (0, "P4", "ar", "الموظفة في المركز الاجتماعي تكلمت معي بالعربية وفهمت كل شيء."),
        (0, "P2", "nl", "De sociale kruidenier is dichtbij en je staat er niet in de kijker."),
        (1, "P5", "nl", "Ik zie een speelplein in elke wijk, gratis en proper."),
        (1, "P1", "nl", "Eén loket waar je met al je vragen terecht kunt, ook na vijf uur."),
        (1, "P6", "nl", "Scholen die geen extra rekeningen meer sturen voor uitstappen."),
        (1, "P4", "ar", "حضانة قريبة لا تحتاج إلى قائمة انتظار طويلة."),
        (2, "P2", "nl", "Het lidgeld van de voetbal is 250 euro. Dat gaat gewoon niet."),
        (2, "P3", "nl", "Mensen weten niet dat er korting is met de UiTPAS. Niemand zegt het."),
        (2, "P5", "nl", "De bus naar de sporthal rijdt niet meer na zes uur."),
        (2, "P6", "nl", "Je moet alles online aanvragen en ik heb geen computer."),
        (2, "P1", "nl", "Mijn dochter durft niet naar de jeugdbeweging, ze heeft geen uniform."),
        (2, "P4", "ar", "لا أفهم الاستمارات باللغة الهولندية."),
    ],
}
