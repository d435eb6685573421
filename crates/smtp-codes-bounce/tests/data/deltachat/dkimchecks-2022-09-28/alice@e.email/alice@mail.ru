From: <alice@mail.ru>
To: <alice@e.email>
Authentication-Results: mail2.ecloud.global;
	dkim=pass header.d=mail.ru header.s=mail4 header.b=heZ1ZiKV;
	dmarc=pass (policy=reject) header.from=mail.ru;
	spf=pass (mail2.ecloud.global: domain of alice@mail.ru designates 94.100.181.251 as permitted sender) smtp.mailfrom=alice@mail.ru
