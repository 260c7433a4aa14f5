// Category-suggestion corpus as text (parsed by domain/suggestion/classifier.ts parseCorpus): a module so the extension bundle carries it.
export default `
# Training corpus (continued): lighting, signs and traffic, green spaces, administrative services.
ECL-01|fr|Le lampadaire devant chez moi est éteint depuis une semaine
ECL-01|fr|Lampe de l'éclairage public qui clignote toute la nuit
ECL-01|fr|Un poteau d'éclairage ne s'allume plus, la rue est sombre à cet endroit
ECL-01|fr|L'ampoule du réverbère est grillée
ECL-01|ar|عمود الإنارة أمام منزلي مطفأ منذ أسبوع
ECL-01|ar|مصباح الإنارة العمومية يومض طوال الليل
ECL-01|ar|عمود إنارة لا يشتعل والمكان مظلم
ECL-01|ar|المصباح محروق في عمود الإنارة
ECL-01|dl|lpoto dyal do 9dam dari tafi hadi simana
ECL-01|dl|do dyal zan9a kaytfa w ych3el lil kaml
ECL-01|dl|lamba dyal poteau ma bqatch kat ch3el, zan9a dlam
ECL-01|dl|l'ampoule dyal l poto t7r9at
ECL-01|da|الپوطو ديال الضو قدام داري طافي هادي سيمانة
ECL-01|da|الضو ديال الزنقة كيطفا ويشعل الليل كامل
ECL-01|da|اللامبة ديال الپوطو ما بقاتش كتشعل الزنقة ضلام
ECL-01|da|البولة ديال الپوطو تحرقات
ECL-02|fr|Tout le quartier est plongé dans le noir, aucun lampadaire ne fonctionne
ECL-02|fr|Panne d'éclairage public sur toute l'avenue depuis trois nuits
ECL-02|fr|La rue entière est sans lumière, c'est dangereux pour les femmes le soir
ECL-02|fr|Coupure de l'éclairage dans tout le lotissement
ECL-02|ar|الحي كله في الظلام ولا يشتغل أي عمود إنارة
ECL-02|ar|انقطاع الإنارة العمومية في الشارع كله منذ ثلاث ليال
ECL-02|ar|الشارع بأكمله بدون إنارة وهذا خطير على النساء ليلا
ECL-02|ar|انقطاع الإنارة في التجزئة كلها
ECL-02|dl|l7ouma kamla f dlam, 7ta poto ma khddam
ECL-02|dl|do ma kaynch f boulevard kaml hadi 3 lyali
ECL-02|dl|zan9a kamla bla do, khatar 3la l3yalat f lil
ECL-02|dl|t9te3 do f lotissement kaml
ECL-02|da|الحومة كاملة فالضلام حتى پوطو ما خدام
ECL-02|da|الضو ما كاينش فالبولفار كامل هادي تلت ليالي
ECL-02|da|الزنقة كاملة بلا ضو خطر على العيالات فالليل
ECL-02|da|تقطع الضو فالتجزئة كاملة
ECL-03|fr|Des câbles électriques dénudés pendent du poteau
ECL-03|fr|L'armoire électrique de la rue est ouverte, les fils sont à nu
ECL-03|fr|Poteau électrique penché qui risque de tomber
ECL-03|fr|Fils électriques par terre après l'orage, danger d'électrocution
ECL-03|ar|أسلاك كهربائية عارية تتدلى من العمود
ECL-03|ar|الخزانة الكهربائية في الشارع مفتوحة والأسلاك مكشوفة
ECL-03|ar|عمود كهربائي مائل قد يسقط
ECL-03|ar|أسلاك كهربائية على الأرض بعد العاصفة وخطر الصعق
ECL-03|dl|les fils dyal do 3ryanin mt3l9in f poto
ECL-03|dl|lkhzana dyal do m7loula w les fils barzin
ECL-03|dl|poto dyal do mayl w ghadi yti7
ECL-03|dl|les câbles t7 3la l ard, khatar dyal trisinti
ECL-03|da|الخيوط ديال الضو عريانين معلقين فالپوطو
ECL-03|da|الخزانة ديال الضو محلولة والخيوط باينين
ECL-03|da|الپوطو ديال الضو مايل وغادي يطيح
ECL-03|da|الكابلات طاحو على الأرض خطر ديال التريسيتي
SIG-01|fr|Le feu rouge du carrefour ne fonctionne plus
SIG-01|fr|Feux de signalisation en panne, embouteillage et risque d'accident
SIG-01|fr|Le feu piéton reste toujours rouge
SIG-01|fr|Feu tricolore éteint au croisement de l'avenue
SIG-01|ar|الضوء الأحمر في ملتقى الطرق لا يعمل
SIG-01|ar|الإشارات الضوئية معطلة وازدحام وخطر حوادث
SIG-01|ar|إشارة الراجلين تبقى حمراء دائما
SIG-01|ar|الإشارة الضوئية مطفأة في تقاطع الشارع
SIG-01|dl|lfeu rouge dyal carrefour ma khddamch
SIG-01|dl|les feux 3ay9in, zo7am w khatar dyal accident
SIG-01|dl|lfeu dyal les piétons dima 7mer
SIG-01|dl|lfeu tafi f carrefour dyal boulevard
SIG-01|da|الفو روج ديال الكارفور ما خدامش
SIG-01|da|الضو الأحمر ديال الكروازما خاسر والزحام والخطر ديال الكسيدة
SIG-01|da|الفو ديال الراجلين ديما حمر
SIG-01|da|الإشارة الضوئية طافية فالكارفور
SIG-02|fr|Le panneau stop a été arraché
SIG-02|fr|Panneau de sens interdit tordu et illisible
SIG-02|fr|Il manque un panneau de signalisation à l'entrée de l'école
SIG-02|fr|Panneau de direction tombé par terre
SIG-02|ar|علامة قف مقتلعة
SIG-02|ar|علامة ممنوع الدخول ملتوية وغير مقروءة
SIG-02|ar|تنقص علامة تشوير عند مدخل المدرسة
SIG-02|ar|لوحة الاتجاه ساقطة على الأرض
SIG-02|dl|panneau stop t9l3
SIG-02|dl|panneau sens interdit mlwi w ma kayban
SIG-02|dl|kheṣ panneau 9dam l madrassa
SIG-02|dl|lpanneau dyal direction ta7 f l ard
SIG-02|da|پانو سطوب تقلع
SIG-02|da|الپانو ديال ممنوع الدخول ملوي وما كيبانش
SIG-02|da|خاص پانو ديال التشوير قدام المدرسة
SIG-02|da|الپانو ديال الاتجاه طاح فالأرض
SIG-03|fr|Le passage piéton devant l'école est complètement effacé
SIG-03|fr|Marquage au sol illisible, on ne voit plus les lignes de la route
SIG-03|fr|Il faut repeindre les passages cloutés du boulevard
SIG-03|fr|Les bandes blanches ont disparu au rond-point
SIG-03|ar|ممر الراجلين أمام المدرسة ممحو تماما
SIG-03|ar|التشوير الأرضي غير واضح ولا تظهر خطوط الطريق
SIG-03|ar|يجب إعادة صباغة ممرات الراجلين في الشارع
SIG-03|ar|الخطوط البيضاء اختفت في المدار
SIG-03|dl|passage piéton 9dam l madrassa tmse7 kaml
SIG-03|dl|les lignes dyal triq ma bqawch kaybano
SIG-03|dl|khass y3awdo ysbghou passage dyal les piétons
SIG-03|dl|lkhtout lbyed mchaw f rond point
SIG-03|da|الپاساج ديال الراجلين قدام المدرسة تمسح كامل
SIG-03|da|الخطوط ديال الطريق ما بقاوش كيبانو
SIG-03|da|خاص يعاودو يصبغو الممر ديال الراجلين
SIG-03|da|الخطوط البيضين مشاو فالرومپوان
SIG-04|fr|Les voitures roulent trop vite devant l'école, nous demandons un ralentisseur
SIG-04|fr|Un dos-d'âne construit par des habitants abîme les voitures
SIG-04|fr|Ralentisseur anarchique trop haut sans signalisation
SIG-04|fr|Demande d'installation de dos d'âne dans notre rue
SIG-04|ar|السيارات تسير بسرعة أمام المدرسة ونطلب مخفض سرعة
SIG-04|ar|مخفض سرعة بناه السكان يضر السيارات
SIG-04|ar|مخفض سرعة عشوائي مرتفع جدا بدون إشارة
SIG-04|ar|نطلب وضع مخفضات السرعة في شارعنا
SIG-04|dl|tomobilat kayzerbo bzaf 9dam l madrassa, bghina dos d'âne
SIG-04|dl|dos d'ane li darou nas kaykhser tomobilat
SIG-04|dl|ralentisseur 3chwa2i 3ali bzaf
SIG-04|dl|bghina ydirou dodan f zan9a dyalna
SIG-04|da|الطوموبيلات كيزربو بزاف قدام المدرسة بغينا دودان
SIG-04|da|الدودان اللي دارو الناس كيخسر الطوموبيلات
SIG-04|da|ضوضان عشوائي عالي بزاف
SIG-04|da|بغينا يديرو الدودان فالزنقة ديالنا
ESV-01|fr|Un arbre est tombé sur la route après le vent
ESV-01|fr|Arbre penché qui menace de tomber sur les voitures
ESV-01|fr|Une grosse branche cassée pend au-dessus du trottoir
ESV-01|fr|Le palmier est mort et risque de s'écrouler
ESV-01|ar|شجرة سقطت على الطريق بعد الرياح
ESV-01|ar|شجرة مائلة تهدد بالسقوط على السيارات
ESV-01|ar|غصن كبير مكسور معلق فوق الرصيف
ESV-01|ar|النخلة ميتة ومهددة بالسقوط
ESV-01|dl|chejra t7at f triq mor r7
ESV-01|dl|chejra mayla ghadi tti7 3la tomobilat
ESV-01|dl|ghsn kbir mherres m3l9 fo9 trotoir
ESV-01|dl|nkhla mayta w ghadi tti7
ESV-01|da|شجرة طاحت فالطريق مور الريح
ESV-01|da|شجرة مايلة غادي تطيح على الطوموبيلات
ESV-01|da|غصن كبير مهرس معلق فوق الطروطوار
ESV-01|da|النخلة ميتة وغادي تطيح
ESV-02|fr|Les arbres ont besoin d'être taillés, les branches touchent les fenêtres
ESV-02|fr|Élagage demandé, les branches cachent le lampadaire
ESV-02|fr|Les branches des ficus bouchent la vue des panneaux
ESV-02|fr|Taille des arbres du boulevard jamais faite
ESV-02|ar|الأشجار تحتاج إلى تقليم والأغصان تلمس النوافذ
ESV-02|ar|نطلب تشذيب الأشجار لأن الأغصان تغطي عمود الإنارة
ESV-02|ar|أغصان الأشجار تحجب علامات التشوير
ESV-02|ar|تقليم أشجار الشارع لم يتم أبدا
ESV-02|dl|chjar khasshom ytqassou, lghsan wslo l chrajem
ESV-02|dl|bghina y9tt3o chjar, ghattaw l poto dyal do
ESV-02|dl|lghsan dyal chjar ghattaw les panneaux
ESV-02|dl|chjar dyal boulevard 3mmrhom ma t9ssou
ESV-02|da|الشجر خاصو يتقصص الغصان وصلو للشراجم
ESV-02|da|بغينا يقطعو الشجر غطاو الپوطو ديال الضو
ESV-02|da|الغصان ديال الشجر غطاو الپانوات
ESV-02|da|الشجر ديال البولفار عمرو ما تقصص
ESV-03|fr|Le jardin public est à l'abandon, herbe sèche et déchets
ESV-03|fr|Le parc n'est plus arrosé, les pelouses sont mortes
ESV-03|fr|Espace vert du quartier mal entretenu et sale
ESV-03|fr|Les plantes du rond-point sont sèches, personne ne s'en occupe
ESV-03|ar|الحديقة العمومية مهملة والعشب يابس
ESV-03|ar|المنتزه لم يعد يسقى والعشب مات
ESV-03|ar|المساحة الخضراء في الحي غير معتنى بها
ESV-03|ar|نباتات المدار يابسة ولا أحد يعتني بها
ESV-03|dl|ljarda dyal l7ouma mhmla, rbi3 yabes
ESV-03|dl|lpark ma bqawch kaysqiwh, l gazon mat
ESV-03|dl|lmasa7a lkhadra ma fihach tanqiya
ESV-03|dl|nbatat dyal rond point yabsin
ESV-03|da|الجردة ديال الحومة مهملة والربيع يابس
ESV-03|da|الپارك ما بقاوش كيسقيوه والڭازون مات
ESV-03|da|المساحة الخضرا ما فيهاش التنقية
ESV-03|da|النباتات ديال الرومپوان يابسين
ESV-04|fr|Le toboggan de l'aire de jeux est cassé, un enfant s'est blessé
ESV-04|fr|Balançoire arrachée dans le parc pour enfants
ESV-04|fr|Jeux pour enfants rouillés et dangereux
ESV-04|fr|Le sol de l'aire de jeux est plein de verre cassé
ESV-04|ar|الزحليقة في فضاء الألعاب مكسورة وأصيب طفل
ESV-04|ar|الأرجوحة مقتلعة في حديقة الأطفال
ESV-04|ar|ألعاب الأطفال صدئة وخطيرة
ESV-04|ar|أرضية فضاء الألعاب مليئة بالزجاج المكسور
ESV-04|dl|toboggan dyal l3ab dyal drari mherres, wa7ed drri tjre7
ESV-04|dl|lmrjou7a t9l3at f jarda dyal drari
ESV-04|dl|l3ab dyal drari mssddyin w khatirin
ESV-04|dl|zaj mherres f l ard dyal l3ab drari
ESV-04|da|الطوبوڭان ديال اللعب ديال الدراري مهرس وواحد الدري تجرح
ESV-04|da|المرجيحة تقلعات فالجردة ديال الدراري
ESV-04|da|اللعب ديال الدراري مصديين وخطيرين
ESV-04|da|الزاج مهرس فالأرض ديال لعب الدراري
ADM-01|fr|Mon dossier de légalisation est bloqué depuis deux mois à l'arrondissement
ADM-01|fr|Demande d'autorisation déposée il y a six mois sans réponse
ADM-01|fr|Retard dans la délivrance de mon certificat administratif
ADM-01|fr|Personne ne traite ma demande d'extrait d'acte de naissance
ADM-01|ar|ملفي الإداري متوقف منذ شهرين في المقاطعة
ADM-01|ar|طلب رخصة مودع منذ ستة أشهر بدون رد
ADM-01|ar|تأخر في تسليم الشهادة الإدارية
ADM-01|ar|لا أحد يعالج طلبي للحصول على عقد الازدياد
ADM-01|dl|dossier dyali we9ef f l mo9ata3a hadi chehrayn
ADM-01|dl|7ttit talab dyal rokhsa hadi 6 chhor w ma jawbouni
ADM-01|dl|t3tlo 3liya f chahada idariya
ADM-01|dl|ma bghawch y3tiwni l'extrait d'acte de naissance
ADM-01|da|الدوسي ديالي واقف فالمقاطعة هادي شهرين
ADM-01|da|حطيت الطلب ديال الرخصة هادي ستة شهور وما جاوبونيش
ADM-01|da|تعطلو عليا فالشهادة الإدارية
ADM-01|da|ما بغاوش يعطيوني عقد الازدياد
ADM-02|fr|L'agent du guichet m'a parlé de manière insultante
ADM-02|fr|Mauvais accueil à la commune, le fonctionnaire a refusé de me recevoir
ADM-02|fr|Un employé a demandé de l'argent pour accélérer mon dossier
ADM-02|fr|Les fonctionnaires arrivent en retard et les guichets sont fermés
ADM-02|ar|موظف الشباك تكلم معي بطريقة مهينة
ADM-02|ar|سوء الاستقبال في الجماعة والموظف رفض استقبالي
ADM-02|ar|موظف طلب مني المال لتسريع ملفي
ADM-02|ar|الموظفون يتأخرون والشبابيك مغلقة
ADM-02|dl|lmowadaf dyal guichet hdar m3aya b9bi7
ADM-02|dl|l'accueil khayb f la commune, lmowadaf ma bghach ystaqbelni
ADM-02|dl|mowadaf tlb mni flous bach ysreb dossier
ADM-02|dl|lmowadafin kayjiw m3ttlin w les guichets msdoudin
ADM-02|da|الموظف ديال الڭيشي هضر معايا بقبح
ADM-02|da|الاستقبال خايب فالجماعة الموظف ما بغاش يستقبلني
ADM-02|da|موظف طلب مني الفلوس باش يسرب الدوسي
ADM-02|da|الموظفين كيجيو معطلين والڭيشيات مسدودين
ADM-03|fr|Je propose d'installer des bancs dans la place
ADM-03|fr|Suggestion : créer une piste cyclable sur le boulevard
ADM-03|fr|Ce serait bien d'avoir un site pour prendre rendez-vous à l'arrondissement
ADM-03|fr|Merci pour le nettoyage de la rue, bon travail
ADM-03|ar|أقترح وضع كراسي في الساحة
ADM-03|ar|اقتراح إنشاء مسار للدراجات في الشارع
ADM-03|ar|من الجيد لو كان هناك موقع لأخذ موعد في المقاطعة
ADM-03|ar|شكرا على تنظيف الشارع عمل جيد
ADM-03|dl|kan9tare7 ydirou bancs f sa7a
ADM-03|dl|i9tira7: ydirou triq dyal bechklita f boulevard
ADM-03|dl|ykoun mzyan ila kan site bach nakhdo rendez-vous
ADM-03|dl|choukran 3la tanqiya dyal zan9a, khdma mzyana
ADM-03|da|كنقترح يديرو البانكات فالساحة
ADM-03|da|اقتراح يديرو طريق ديال البشكليطات فالبولفار
ADM-03|da|يكون مزيان إلا كان سيت باش ناخدو الموعد
ADM-03|da|شكرا على التنقية ديال الزنقة خدمة مزيانة
`;
