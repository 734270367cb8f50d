"""Text of the demo condition pages. The neck-spasms page is the seed page
(`shared/seed/neck-spasms-page.txt`) word for word; the others are our own,
written to be medically sound and reviewed by the demo's (fictional) clinicians.

Each condition is plain data; `conditions.demo` turns it into StreamField blocks."""

import datetime

REVIEWERS = {
    "chen": {"name": "Maya Chen", "credentials": "PT, DPT, OCS", "languages": "English, Mandarin"},
    "okafor": {"name": "Daniel Okafor", "credentials": "PT, DPT, SCS", "languages": "English"},
    "reyes": {
        "name": "Sofía Reyes",
        "credentials": "PT, DPT, FAAOMPT",
        "languages": "English, Spanish",
    },
}

# (slug, name, order from head to foot); slugs are the ?area= values.
BODY_AREAS = [
    ("head-and-jaw", "Head and jaw", 10),
    ("neck", "Neck", 20),
    ("shoulder", "Shoulder", 30),
    ("upper-back", "Upper back", 40),
    ("elbow", "Elbow", 50),
    ("wrist-and-hand", "Wrist and hand", 60),
    ("lower-back", "Lower back", 70),
    ("hip", "Hip", 80),
    ("knee", "Knee", 90),
    ("ankle-and-foot", "Ankle and foot", 100),
]

INDEX = {
    "title": "Conditions we treat",
    "intro": (
        "Physical therapy helps with pain and injuries all over the body. Find your "
        "condition to learn what causes it, how it feels and how we treat it."
    ),
}

NECK_SPASMS = {
    "slug": "neck-spasms",
    "title": "Best Neck Spasms PT & Rehab in NYC",
    "name": "Neck spasms",
    "area": "neck",
    "reviewer": "chen",
    "reviewed": datetime.date(2026, 10, 1),
    "search_description": (
        "Neck spasms: causes, underlying conditions, symptoms and how physical therapy "
        "treats them at our New York City clinics."
    ),
    "intro": (
        "Many people have experienced muscle spasms in their neck and shoulder region at "
        "some point in their lives. Spasms are involuntary sudden contractions of whole "
        "groups of muscle. They often occur in the muscles located on top of the shoulders "
        "and in between the shoulder blades, sometimes referring pain up to the base of the "
        "skull. This will lead to neck pain, stiffness, and sometimes headaches."
    ),
    "causes": {
        "heading": "What causes neck spasms",
        "intro": (
            "Neck spasms can occur after traumatic incidents, such as car accidents, from "
            "awkward sleeping positions that puts more stress on the spine and muscles, and "
            "with sudden movements of the head or shoulders. Habitual poor posture and "
            "underlying conditions of the spine, such as a herniated disc or arthritis, can "
            "also trigger muscle spasms in the neck region."
        ),
        "items": [
            "Sleeping on a pillow that is too high or not supportive enough",
            "Having bad posture will make the muscles of the neck and shoulders tense.",
            "Strenuous activity, such as heavy lifting, will strain neck muscles.",
            "Emotional stress often makes patients unknowingly tense their upper shoulder muscles.",
            "Injury, such as whiplash, will damage neck muscles.",
        ],
    },
    "underlying": {
        "heading": "Underlying conditions",
        "intro": (
            "In some cases, muscle spasms in the cervical region are caused by other "
            "underlying conditions"
        ),
        "items": [
            ("Disc herniations", "herniated-disc"),
            ("Arthritis", None),
            ("Fractures in the spine", None),
            ("Degenerative disc disease", None),
            ("Spinal Stenosis", None),
            ("Fibromyalgia", None),
        ],
    },
    "symptoms": {
        "heading": "Symptoms of neck spasms",
        "intro": "",
        "items": [
            "Loss of neck and shoulder mobility",
            "Tension headaches",
            "Shoulder stiffness and pain",
            "Weakness and numbness/ tingling in upper extremities with a pinched nerve",
        ],
    },
    "pt": {
        "heading": "How physical therapy treats neck spasms",
        "approach": [
            "Physical Therapy is often recommended as a conservative treatment for muscle "
            "spasms. Stretching and massaging the muscles will release tension and increase "
            "flexibility. Massage will promote blood circulation in muscles, which will speed "
            "up the healing process. Strengthening the muscles that support good posture and "
            "spinal alignment will make them more resilient to tension in the future, "
            "preventing chronic pain.",
            "Your physical therapist will also directly address any underlying conditions "
            "that may be associated with your muscle spasms. Specific exercises to treat a "
            "herniated disc or spinal stenosis may also be prescribed. Regular physical "
            "therapy sessions over the course of a few months and a comprehensive home "
            "program are key to full recovery and prevention of future injuries.",
        ],
    },
    "seek": {
        "heading": "When to seek care right away",
        "urgency": "emergency",
        "intro": "Neck pain with any of these signs needs a doctor before physical therapy:",
        "items": [
            "Neck pain after a fall, a car accident or another hard blow to the head or neck",
            "Fever, a severe headache and a stiff neck together",
            "Weakness, clumsiness or loss of feeling spreading in an arm or leg",
            "Trouble walking, or new problems controlling your bladder or bowels",
        ],
    },
    "related": ["whiplash", "herniated-disc", "tmj-disorder"],
}


def condition(slug, title, name, area, reviewer, reviewed, intro, **sections):
    return {
        "slug": slug,
        "title": title,
        "name": name,
        "area": area,
        "reviewer": reviewer,
        "reviewed": reviewed,
        "intro": intro,
        "search_description": intro,
        **sections,
    }


OTHER_CONDITIONS = [
    condition(
        "low-back-pain",
        "Low Back Pain Physical Therapy in NYC",
        "Low back pain",
        "lower-back",
        "reyes",
        datetime.date(2026, 9, 12),
        "Low back pain is pain, stiffness or muscle tension between the bottom of the ribs "
        "and the buttocks. Most episodes settle within a few weeks, and staying active with "
        "the right guidance helps them settle sooner.",
        causes={
            "heading": "What causes low back pain",
            "intro": "Most low back pain has no single damaged structure; it is usually "
            "caused by strain and load the back is not ready for.",
            "items": [
                ("Lifting, twisting or bending with a load the back is not used to", ""),
                (
                    "Long hours of sitting without breaks",
                    "Staying in one position stiffens the joints and tires the muscles "
                    "that support the spine.",
                ),
                ("Weak trunk and hip muscles", ""),
                ("Sudden increases in exercise or physical work", ""),
                ("Poor sleep and stress, which make pain more sensitive", ""),
            ],
        },
        underlying={
            "heading": "Conditions that can cause low back pain",
            "intro": "Sometimes back pain comes from a specific problem of the spine.",
            "items": [
                ("Herniated disc", "herniated-disc"),
                ("Sciatica", "sciatica"),
                ("Spinal stenosis", None),
                ("Spondylolisthesis", None),
                ("Osteoarthritis of the spine", None),
            ],
        },
        symptoms={
            "heading": "Symptoms of low back pain",
            "intro": "",
            "items": [
                "Dull or sharp pain across the lower back",
                "Stiffness after sitting or first thing in the morning",
                "Muscle spasm that makes bending or standing up straight hard",
                "Pain that spreads into the buttock or upper thigh",
            ],
        },
        pt={
            "heading": "How physical therapy treats low back pain",
            "approach": [
                "Your physical therapist examines how you move, finds what eases and what "
                "provokes your pain, and explains what is going on. Treatment aims to calm "
                "the pain, restore movement and build the strength and confidence to get "
                "back to work, sport and daily life.",
            ],
            "treatments": [
                (
                    "Manual therapy",
                    "Joint mobilization and soft-tissue work to ease pain and stiffness.",
                ),
                ("Therapeutic exercise", "Graded exercises for the trunk, hips and legs."),
                ("Education", "Understanding pain, pacing activity and safe lifting."),
            ],
            "home": "A short daily routine of mobility and strengthening exercises, walking, "
            "and breaking up long periods of sitting.",
            "course": "Most people feel clearly better within four to six weeks of treatment, "
            "usually one or two visits a week.",
        },
        seek={
            "heading": "When to seek care right away",
            "urgency": "emergency",
            "intro": "Go to an emergency room if back pain comes with:",
            "items": [
                "Numbness in the groin or inner thighs (saddle area)",
                "New trouble passing urine or controlling your bladder or bowels",
                "Weakness in both legs that is getting worse",
                "Fever, unexplained weight loss or a history of cancer",
            ],
        },
        faq=[
            (
                "Should I rest in bed until the pain goes away?",
                "No. Bed rest slows recovery. Gentle walking and normal activities, adjusted "
                "to your pain, help the back recover faster.",
            ),
            (
                "Do I need an X-ray or MRI?",
                "Usually not. Imaging rarely changes treatment for low back pain unless "
                "there are warning signs or symptoms do not improve.",
            ),
        ],
        related=["sciatica", "herniated-disc"],
    ),
    condition(
        "sciatica",
        "Sciatica Physical Therapy in NYC",
        "Sciatica",
        "lower-back",
        "reyes",
        datetime.date(2026, 9, 12),
        "Sciatica is pain that runs from the lower back or buttock down the back of the leg, "
        "along the path of the sciatic nerve. It happens when a nerve root in the lower back "
        "is irritated or pressed on.",
        causes={
            "heading": "What causes sciatica",
            "intro": "Sciatica is a symptom: something irritates the nerve roots that form "
            "the sciatic nerve.",
            "items": [
                ("A bulging or herniated disc pressing on a nerve root", ""),
                ("Narrowing of the spaces around the nerves with age", ""),
                ("Prolonged sitting, especially on a hard surface or a wallet", ""),
                ("Heavy lifting with a bent, twisted back", ""),
            ],
        },
        underlying={
            "heading": "Underlying conditions",
            "intro": "These conditions of the spine are the most common sources of sciatica.",
            "items": [
                ("Herniated disc", "herniated-disc"),
                ("Lumbar spinal stenosis", None),
                ("Spondylolisthesis", None),
                ("Degenerative disc disease", None),
            ],
        },
        symptoms={
            "heading": "Symptoms of sciatica",
            "intro": "",
            "items": [
                "Pain that runs from the buttock down the back of the thigh and calf",
                "Numbness, tingling or pins and needles in the leg or foot",
                "Leg pain that is worse than the back pain",
                "Pain that increases with sitting, coughing or sneezing",
            ],
        },
        pt={
            "heading": "How physical therapy treats sciatica",
            "approach": [
                "Your physical therapist finds the movements and positions that ease your "
                "leg pain and uses them to calm the irritated nerve. As symptoms settle, "
                "treatment moves on to restoring movement and strength so you can sit, walk "
                "and lift comfortably again.",
            ],
            "treatments": [
                (
                    "Directional exercises",
                    "Repeated movements that draw the pain out of the "
                    "leg and back toward the spine.",
                ),
                (
                    "Nerve mobility exercises",
                    "Gentle gliding of the sciatic nerve to reduce its sensitivity.",
                ),
                ("Strengthening", "Trunk, hip and leg exercises to support the spine."),
            ],
            "home": "Short sets of your prescribed movements several times a day, regular "
            "walks and changing position often.",
            "course": "Most sciatica improves over six to twelve weeks. Leg symptoms "
            "retreating toward the back is a good sign of progress.",
        },
        seek={
            "heading": "When to seek care right away",
            "urgency": "emergency",
            "intro": "Go to an emergency room if sciatica comes with:",
            "items": [
                "Numbness in the groin or inner thighs",
                "New trouble controlling your bladder or bowels",
                "Sciatica in both legs, or a foot that drops or drags",
            ],
        },
        faq=[
            (
                "Will I need surgery?",
                "Most people with sciatica recover without surgery. Surgery is considered "
                "when there is severe or worsening weakness or pain that does not improve "
                "with several weeks of good conservative care.",
            ),
        ],
        related=["herniated-disc", "low-back-pain"],
    ),
    condition(
        "herniated-disc",
        "Herniated Disc Physical Therapy in NYC",
        "Herniated disc",
        "lower-back",
        "reyes",
        datetime.date(2026, 9, 20),
        "A herniated disc happens when the soft center of a spinal disc pushes through its "
        "tougher outer ring. It is most common in the lower back and the neck and can press "
        "on a nearby nerve.",
        causes={
            "heading": "What causes a herniated disc",
            "intro": "Discs change with age, and load on a weakened disc can make it bulge.",
            "items": [
                ("Age-related wear of the disc's outer ring", ""),
                ("Repeated bending and lifting, especially with twisting", ""),
                ("Long periods of sitting or driving", ""),
                ("Smoking, which reduces the disc's nutrition", ""),
            ],
        },
        underlying={
            "heading": "Related conditions",
            "intro": "A herniated disc is often part of a wider picture.",
            "items": [
                ("Degenerative disc disease", None),
                ("Sciatica", "sciatica"),
                ("Cervical radiculopathy (a pinched nerve in the neck)", None),
            ],
        },
        symptoms={
            "heading": "Symptoms of a herniated disc",
            "intro": "",
            "items": [
                "Back or neck pain",
                "Pain, numbness or tingling that spreads into an arm or leg",
                "Muscle weakness in the arm or leg",
                "Pain that worsens with sitting, bending or coughing",
            ],
        },
        pt={
            "heading": "How physical therapy treats a herniated disc",
            "approach": [
                "Physical therapy is the first-line treatment for most herniated discs. "
                "Your therapist reduces pain and nerve irritation, restores movement and "
                "strengthens the muscles that protect the spine.",
            ],
            "treatments": [
                ("Repeated-movement exercises", "Movements chosen to centralize symptoms."),
                ("Manual therapy", "Mobilization to ease pain and stiffness."),
                ("Core and hip strengthening", "To support the spine in daily tasks."),
            ],
            "home": "Your exercises several times a day, regular walks and a gradual return "
            "to lifting and sport.",
            "course": "Many herniated discs shrink and symptoms ease within a few months; "
            "most patients attend for six to twelve weeks.",
        },
        seek={
            "heading": "When to seek care right away",
            "urgency": "emergency",
            "intro": "Go to an emergency room if you notice:",
            "items": [
                "Numbness in the groin or inner thighs",
                "New trouble controlling your bladder or bowels",
                "Rapidly worsening weakness in an arm or leg",
            ],
        },
        faq=[
            (
                "Can a herniated disc heal without surgery?",
                "Yes. In most people the herniated part of the disc shrinks over time, and "
                "exercise-based physical therapy helps symptoms settle.",
            ),
        ],
        related=["sciatica", "low-back-pain", "neck-spasms"],
    ),
    condition(
        "rotator-cuff-tendinitis",
        "Rotator Cuff Tendinitis Physical Therapy in NYC",
        "Rotator cuff tendinitis",
        "shoulder",
        "okafor",
        datetime.date(2026, 8, 30),
        "Rotator cuff tendinitis is irritation of the tendons that hold the shoulder joint in "
        "place and help lift and rotate the arm. It is a common cause of shoulder pain in "
        "people who reach overhead at work or in sport.",
        causes={
            "heading": "What causes rotator cuff tendinitis",
            "intro": "Tendons become painful when the load on them rises faster than they "
            "can adapt.",
            "items": [
                ("Repeated overhead reaching, lifting or throwing", ""),
                ("A sudden increase in training, such as swimming or tennis", ""),
                ("Rounded shoulders and weak shoulder-blade muscles", ""),
                ("Age-related changes in the tendons", ""),
            ],
        },
        underlying={
            "heading": "Related conditions",
            "intro": "Shoulder pain can also come from:",
            "items": [
                ("Shoulder impingement", None),
                ("Rotator cuff tear", None),
                ("Frozen shoulder", "frozen-shoulder"),
                ("Neck problems that refer pain to the shoulder", "neck-spasms"),
            ],
        },
        symptoms={
            "heading": "Symptoms of rotator cuff tendinitis",
            "intro": "",
            "items": [
                "Pain on the outside of the upper arm",
                "Pain when lifting the arm or reaching behind the back",
                "Pain when lying on the affected shoulder at night",
                "Weakness when lifting or rotating the arm",
            ],
        },
        pt={
            "heading": "How physical therapy treats rotator cuff tendinitis",
            "approach": [
                "Your physical therapist adjusts the load on the tendon so it can settle, "
                "then strengthens the rotator cuff and the muscles around the shoulder blade "
                "step by step until the shoulder copes with your work or sport.",
            ],
            "treatments": [
                ("Progressive strengthening", "Isometric, then resisted rotator cuff exercises."),
                ("Shoulder-blade control", "Exercises for the muscles that position the joint."),
                ("Activity advice", "Changing how and how much you reach overhead for now."),
            ],
            "home": "Resistance-band exercises most days and a gradual return to overhead "
            "activity.",
            "course": "Tendons adapt slowly; most people improve over six to twelve weeks.",
        },
        seek={
            "heading": "When to see a doctor",
            "urgency": "doctor",
            "intro": "See a doctor promptly if you have:",
            "items": [
                "Sudden weakness after a fall or a sudden pull, with trouble lifting the arm",
                "A hot, red, swollen shoulder or a fever",
                "Shoulder pain with chest pain or shortness of breath (call 911)",
            ],
        },
        faq=[
            (
                "Should I stop using my arm?",
                "No. Complete rest weakens the tendon. Your therapist will help you find a "
                "level of activity the shoulder tolerates.",
            ),
        ],
        related=["frozen-shoulder"],
    ),
    condition(
        "frozen-shoulder",
        "Frozen Shoulder Physical Therapy in NYC",
        "Frozen shoulder",
        "shoulder",
        "okafor",
        datetime.date(2026, 8, 30),
        "Frozen shoulder (adhesive capsulitis) is a painful stiffening of the shoulder joint "
        "capsule. It develops slowly, usually over months, and most often affects people "
        "between 40 and 60.",
        causes={
            "heading": "What causes frozen shoulder",
            "intro": "The capsule around the joint becomes inflamed, thickens and tightens. "
            "The exact cause is often unknown, but some things raise the risk.",
            "items": [
                ("Keeping the arm still after an injury or surgery", ""),
                ("Age between 40 and 60", ""),
                ("Being female", ""),
            ],
        },
        underlying={
            "heading": "Conditions linked to frozen shoulder",
            "intro": "Frozen shoulder is more common in people with:",
            "items": [
                ("Diabetes", None),
                ("Thyroid disease", None),
                ("Rotator cuff tendinitis", "rotator-cuff-tendinitis"),
            ],
        },
        symptoms={
            "heading": "Symptoms of frozen shoulder",
            "intro": "",
            "items": [
                "Deep, aching shoulder pain, often worse at night",
                "Growing stiffness in every direction",
                "Difficulty reaching overhead, behind the back or across the body",
            ],
        },
        pt={
            "heading": "How physical therapy treats frozen shoulder",
            "approach": [
                "Treatment follows the stage of the condition. While the shoulder is very "
                "painful, your therapist focuses on easing pain and keeping gentle movement; "
                "as it eases, treatment works steadily to restore range and strength.",
            ],
            "treatments": [
                ("Gentle range-of-motion exercises", "Within comfort during the painful stage."),
                ("Joint mobilization", "Hands-on stretching of the tight capsule."),
                ("Strengthening", "To use the regained movement in daily life."),
            ],
            "home": "Short, frequent stretching sessions through the day.",
            "course": "Frozen shoulder usually improves over one to two years; physical "
            "therapy helps you keep function and recover movement sooner.",
        },
        seek={
            "heading": "When to see a doctor",
            "urgency": "doctor",
            "intro": "See a doctor promptly if you have:",
            "items": [
                "A shoulder that is hot, red and swollen, or a fever",
                "Pain and stiffness after a fall, which may be a fracture or dislocation",
            ],
        },
        faq=[
            (
                "Will my shoulder recover fully?",
                "Most people regain most of their movement. Exercise and physical therapy "
                "shorten the time you live with pain and stiffness.",
            ),
        ],
        related=["rotator-cuff-tendinitis"],
    ),
    condition(
        "knee-osteoarthritis",
        "Knee Osteoarthritis Physical Therapy in NYC",
        "Knee osteoarthritis",
        "knee",
        "chen",
        datetime.date(2026, 9, 5),
        "Knee osteoarthritis is a common joint condition in which the cartilage and bone of "
        "the knee change over time, causing pain and stiffness. Exercise is one of the most "
        "effective treatments.",
        causes={
            "heading": "What raises the risk of knee osteoarthritis",
            "intro": "Osteoarthritis develops over years, and several factors add up.",
            "items": [
                ("Age", ""),
                ("Excess body weight, which increases load on the knee", ""),
                ("An earlier knee injury, such as a torn ligament or meniscus", ""),
                ("Weak thigh muscles", ""),
            ],
        },
        underlying={
            "heading": "Related conditions",
            "intro": "Knee pain can also come from:",
            "items": [
                ("ACL injury", "acl-reconstruction-rehab"),
                ("Meniscus tear", None),
                ("Rheumatoid arthritis", None),
            ],
        },
        symptoms={
            "heading": "Symptoms of knee osteoarthritis",
            "intro": "",
            "items": [
                "Knee pain with walking, stairs or standing up",
                "Stiffness in the morning or after sitting that eases within half an hour",
                "Swelling after activity",
                "A grinding or creaking feeling in the joint",
            ],
        },
        pt={
            "heading": "How physical therapy treats knee osteoarthritis",
            "approach": [
                "Your physical therapist builds a program of strengthening and movement that "
                "reduces pain and helps you walk, climb stairs and stay active. Exercise is "
                "recommended for everyone with knee osteoarthritis.",
            ],
            "treatments": [
                ("Strengthening", "Thigh and hip exercises that take load off the joint."),
                ("Aerobic exercise", "Walking, cycling or water exercise."),
                ("Manual therapy", "To ease pain and improve knee movement."),
            ],
            "home": "Strength exercises two or three times a week and daily activity such as "
            "walking.",
            "course": "Most people notice less pain and better function within eight to "
            "twelve weeks of regular exercise.",
        },
        seek={
            "heading": "When to see a doctor",
            "urgency": "doctor",
            "intro": "See a doctor promptly if you have:",
            "items": [
                "A hot, red, very swollen knee or a fever",
                "A knee that locks or gives way repeatedly",
                "A swollen, tender calf, which may be a blood clot",
            ],
        },
        faq=[
            (
                "Will exercise wear out my knee faster?",
                "No. The right exercise strengthens the muscles that protect the joint and "
                "reduces pain.",
            ),
        ],
        related=["acl-reconstruction-rehab"],
    ),
    condition(
        "acl-reconstruction-rehab",
        "ACL Reconstruction Rehab in NYC",
        "ACL reconstruction rehab",
        "knee",
        "okafor",
        datetime.date(2026, 8, 22),
        "After surgery to rebuild a torn anterior cruciate ligament (ACL), rehabilitation "
        "restores movement, strength and confidence in the knee, step by step, until you can "
        "return to sport safely.",
        causes={
            "heading": "How the ACL is torn",
            "intro": "Most ACL tears happen without contact, during sport.",
            "items": [
                ("Pivoting or cutting with the foot planted", ""),
                ("Landing from a jump with the knee collapsing inward", ""),
                ("A sudden stop while running", ""),
                ("A direct blow to the knee", ""),
            ],
        },
        underlying={
            "heading": "Injuries that often come with it",
            "intro": "An ACL tear often comes with other injuries in the knee.",
            "items": [
                ("Meniscus tear", None),
                ("Medial collateral ligament (MCL) sprain", None),
                ("Cartilage damage", None),
            ],
        },
        symptoms={
            "heading": "What to expect after surgery",
            "intro": "In the first weeks after surgery you will usually have:",
            "items": [
                "Swelling and pain around the knee",
                "Difficulty straightening and bending the knee fully",
                "Weakness in the thigh muscles",
            ],
        },
        pt={
            "heading": "How physical therapy guides ACL rehab",
            "approach": [
                "Rehab starts within days of surgery. Your physical therapist first restores "
                "full straightening of the knee and control of swelling, then builds "
                "strength, balance and agility. Return to sport is based on tests of "
                "strength and movement, not only on time.",
            ],
            "treatments": [
                ("Range-of-motion work", "Restoring full knee extension and then bending."),
                ("Progressive strengthening", "Quadriceps, hamstrings and hips."),
                ("Neuromuscular training", "Balance, landing and change-of-direction drills."),
            ],
            "home": "Daily exercises from the first week, progressing as your therapist advises.",
            "course": "Return to running often comes around three months and return to "
            "pivoting sports usually not before nine months.",
        },
        seek={
            "heading": "When to call your surgeon",
            "urgency": "doctor",
            "intro": "Call your surgeon promptly if you notice:",
            "items": [
                "Fever, or redness, warmth or discharge at the wound",
                "A swollen, painful calf (call 911 if you are short of breath)",
                "A sudden increase in pain or swelling",
            ],
        },
        faq=[
            (
                "When can I go back to sport?",
                "When you pass strength and movement tests, usually nine months or more "
                "after surgery. Returning earlier raises the risk of another injury.",
            ),
        ],
        related=["knee-osteoarthritis"],
    ),
    condition(
        "plantar-fasciitis",
        "Plantar Fasciitis Physical Therapy in NYC",
        "Plantar fasciitis",
        "ankle-and-foot",
        "chen",
        datetime.date(2026, 9, 5),
        "Plantar fasciitis is pain under the heel where the plantar fascia, a thick band of "
        "tissue along the sole, attaches to the heel bone. It is one of the most common "
        "causes of heel pain.",
        causes={
            "heading": "What causes plantar fasciitis",
            "intro": "It develops when the plantar fascia is loaded more than it can handle.",
            "items": [
                ("Long hours standing or walking on hard floors", ""),
                ("A sudden increase in running or walking", ""),
                ("Tight calf muscles", ""),
                ("Unsupportive footwear", ""),
                ("Excess body weight", ""),
            ],
        },
        underlying={
            "heading": "Related conditions",
            "intro": "Heel pain can also come from:",
            "items": [
                ("Achilles tendinopathy", None),
                ("Heel stress fracture", None),
                ("Nerve irritation in the foot", None),
            ],
        },
        symptoms={
            "heading": "Symptoms of plantar fasciitis",
            "intro": "",
            "items": [
                "Sharp heel pain with the first steps in the morning",
                "Pain after rest that eases with walking, then returns later in the day",
                "Tenderness under the inside of the heel",
            ],
        },
        pt={
            "heading": "How physical therapy treats plantar fasciitis",
            "approach": [
                "Your physical therapist reduces the strain on the fascia, then strengthens "
                "the foot and calf so they can cope with standing, walking and running again.",
            ],
            "treatments": [
                ("Stretching", "Calf and plantar fascia stretches."),
                ("Strengthening", "Heel raises and foot exercises."),
                ("Taping and footwear advice", "To offload the fascia while it settles."),
            ],
            "home": "Stretches before the first steps in the morning and strength exercises "
            "most days.",
            "course": "Most people improve within two to three months; symptoms can take "
            "longer to settle fully.",
        },
        seek={
            "heading": "When to see a doctor",
            "urgency": "doctor",
            "intro": "See a doctor promptly if you have:",
            "items": [
                "Heel pain after a fall or with swelling and bruising",
                "Numbness or burning in the foot",
                "A red, hot foot or a fever",
            ],
        },
        faq=[
            (
                "Do I need special insoles?",
                "Not always. Supportive shoes help many people; your therapist will advise "
                "you on whether an insole is worth trying.",
            ),
        ],
        related=["knee-osteoarthritis"],
    ),
    condition(
        "tennis-elbow",
        "Tennis Elbow Physical Therapy in NYC",
        "Tennis elbow",
        "elbow",
        "okafor",
        datetime.date(2026, 8, 22),
        "Tennis elbow (lateral epicondylalgia) is pain on the outside of the elbow from the "
        "tendons that extend the wrist. Most people who get it do not play tennis.",
        causes={
            "heading": "What causes tennis elbow",
            "intro": "Repeated gripping and wrist movements overload the tendon.",
            "items": [
                ("Repeated gripping, such as using tools or carrying bags", ""),
                ("Long hours of mouse and keyboard use", ""),
                ("Racquet sports with a poor technique or grip size", ""),
            ],
        },
        underlying={
            "heading": "Related conditions",
            "intro": "Pain on the outside of the elbow can also come from:",
            "items": [
                ("A pinched nerve in the neck", "neck-spasms"),
                ("Radial tunnel syndrome", None),
                ("Elbow arthritis", None),
            ],
        },
        symptoms={
            "heading": "Symptoms of tennis elbow",
            "intro": "",
            "items": [
                "Pain on the outside of the elbow that may spread into the forearm",
                "Pain when gripping, lifting a cup or shaking hands",
                "A weaker grip",
            ],
        },
        pt={
            "heading": "How physical therapy treats tennis elbow",
            "approach": [
                "Your physical therapist helps you change the load on the tendon and then "
                "strengthens the forearm progressively, which is the best-supported "
                "treatment for tennis elbow.",
            ],
            "treatments": [
                ("Progressive loading", "Isometric, then slow resisted wrist exercises."),
                ("Manual therapy", "Mobilization of the elbow and neck for pain relief."),
                ("Ergonomic advice", "Setting up your workstation and grip."),
            ],
            "home": "Forearm exercises most days and changes to how you grip and lift.",
            "course": "Most people improve within three months; some cases take longer.",
        },
        seek={
            "heading": "When to see a doctor",
            "urgency": "doctor",
            "intro": "See a doctor promptly if you have:",
            "items": [
                "Elbow pain after a fall, with swelling or a deformity",
                "Numbness or weakness in the hand",
                "A hot, swollen elbow or a fever",
            ],
        },
        faq=[
            (
                "Is a brace helpful?",
                "A forearm strap can ease pain during activity for some people, but exercise "
                "is what helps the tendon recover.",
            ),
        ],
        related=["rotator-cuff-tendinitis"],
    ),
    condition(
        "tmj-disorder",
        "TMJ Disorder Physical Therapy in NYC",
        "TMJ disorder",
        "head-and-jaw",
        "chen",
        datetime.date(2026, 10, 1),
        "TMJ disorders are problems of the jaw joint (temporomandibular joint) and the "
        "muscles that move the jaw. They cause jaw pain, clicking and difficulty opening the "
        "mouth.",
        causes={
            "heading": "What causes TMJ disorder",
            "intro": "Several factors usually add up.",
            "items": [
                ("Clenching or grinding the teeth, often during sleep", ""),
                ("Stress and tension in the jaw and neck muscles", ""),
                ("Forward head posture", ""),
                ("A blow to the jaw", ""),
            ],
        },
        underlying={
            "heading": "Related conditions",
            "intro": "Jaw pain often comes with or from:",
            "items": [
                ("Neck spasms", "neck-spasms"),
                ("Whiplash", "whiplash"),
                ("Arthritis of the jaw joint", None),
            ],
        },
        symptoms={
            "heading": "Symptoms of TMJ disorder",
            "intro": "",
            "items": [
                "Pain in the jaw, face or around the ear",
                "Clicking or popping when opening the mouth",
                "Difficulty opening the mouth fully or a jaw that locks",
                "Headaches, often at the temples",
            ],
        },
        pt={
            "heading": "How physical therapy treats TMJ disorder",
            "approach": [
                "Your physical therapist eases tension in the jaw and neck muscles, restores "
                "smooth jaw movement and teaches habits that protect the joint.",
            ],
            "treatments": [
                ("Manual therapy", "Soft-tissue work for the jaw and neck muscles."),
                ("Jaw exercises", "Controlled opening and movement exercises."),
                ("Posture and relaxation", "Reducing clenching and forward head posture."),
            ],
            "home": "Jaw exercises and relaxation several times a day, with soft foods during "
            "flare-ups.",
            "course": "Most people improve within six to eight weeks.",
        },
        seek={
            "heading": "When to see a doctor or dentist",
            "urgency": "doctor",
            "intro": "See a doctor or dentist promptly if you have:",
            "items": [
                "A jaw that is locked open or closed",
                "Jaw pain after a blow to the face",
                "Swelling of the face or a fever",
                "Jaw pain with chest pain or shortness of breath (call 911)",
            ],
        },
        faq=[
            (
                "Should I see a dentist or a physical therapist?",
                "Both can help. Dentists assess the teeth and may provide a night guard; "
                "physical therapists treat the muscles and joint movement.",
            ),
        ],
        related=["neck-spasms", "whiplash"],
    ),
    condition(
        "whiplash",
        "Whiplash Physical Therapy in NYC",
        "Whiplash",
        "neck",
        "reyes",
        datetime.date(2026, 9, 20),
        "Whiplash is a neck injury caused by a rapid back-and-forth movement of the head, "
        "most often in a car accident. Most people recover well, and staying active speeds "
        "recovery.",
        causes={
            "heading": "What causes whiplash",
            "intro": "Any sudden jolt that snaps the head forward and back can cause it.",
            "items": [
                ("Rear-end car collisions", ""),
                ("Contact sports", ""),
                ("Falls and other sudden jolts", ""),
            ],
        },
        underlying={
            "heading": "Related conditions",
            "intro": "Whiplash can lead to or come with:",
            "items": [
                ("Neck spasms", "neck-spasms"),
                ("TMJ disorder", "tmj-disorder"),
                ("Concussion", None),
            ],
        },
        symptoms={
            "heading": "Symptoms of whiplash",
            "intro": "Symptoms often start within a day of the injury.",
            "items": [
                "Neck pain and stiffness",
                "Headaches starting at the base of the skull",
                "Pain in the shoulders or upper back",
                "Dizziness or tiredness",
            ],
        },
        pt={
            "heading": "How physical therapy treats whiplash",
            "approach": [
                "Your physical therapist reassures you, eases pain and guides a gradual "
                "return to movement. Early activity, rather than a collar and rest, gives "
                "the best recovery.",
            ],
            "treatments": [
                ("Gentle mobility exercises", "To restore neck movement early."),
                ("Manual therapy", "To ease pain and stiffness."),
                ("Strength and control exercises", "For the deep neck and shoulder muscles."),
            ],
            "home": "Gentle neck movements several times a day and staying with your usual "
            "activities as much as you can.",
            "course": "Most people recover within weeks to a few months.",
        },
        seek={
            "heading": "When to seek care right away",
            "urgency": "emergency",
            "intro": "Go to an emergency room after an accident if you have:",
            "items": [
                "Severe neck pain or pain when pressing on the spine",
                "Numbness, tingling or weakness in the arms or legs",
                "Loss of consciousness, confusion or repeated vomiting",
            ],
        },
        faq=[
            (
                "Should I wear a neck collar?",
                "Usually not. Collars keep the neck still and can slow recovery; gentle "
                "movement is better unless a doctor has found a fracture.",
            ),
        ],
        related=["neck-spasms", "tmj-disorder"],
    ),
]
